import { existsSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { fixtureProject, runCli } from '../helpers/cli.js';

const schema = JSON.parse(readFileSync(path.resolve(__dirname, '../../docs/release-entry.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);

/** The media fixture in a temp project, with a file outside the archive and a symbolic link to it. */
function project(): string {
  const dir = fixtureProject('media');
  writeFileSync(path.join(dir, 'outside.txt'), 'SECRET-OUTSIDE\n');
  symlinkSync(path.join(dir, 'outside.txt'), path.join(dir, 'archive/2022/linked-out.png'));
  return dir;
}

/** Every file below `dir`, relative, sorted. */
function walk(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(dir, `${rel}${e.name}/`) : [`${rel}${e.name}`]))
    .sort();
}

describe('check: media', () => {
  it('reports missing and outside files as errors at file:line:col, and the warnings', async () => {
    const cwd = project();
    const r = await runCli(['check', '--format', 'json'], { cwd });
    expect(r.code).toBe(1);
    const issues = (
      JSON.parse(r.stdout).issues as { file: string; line?: number; column?: number; code: string; severity: string; hint?: string }[]
    ).filter((i) => i.code.startsWith('media-'));
    expect(issues.map((i) => `${i.file}:${i.line ?? ''}:${i.column ?? ''} ${i.severity} ${i.code}`)).toEqual([
      '2021/2021-06-01-opening/index.md:14:5 warning media-no-alt',
      '2021/2021-06-01-opening/notes.txt:: warning media-unreferenced',
      '2022/2022-03-10-sredba-vo-skopje.md:13:32 error media-missing',
      '2022/2022-03-10-sredba-vo-skopje.md:15:9 error media-outside',
      '2022/2022-03-10-sredba-vo-skopje.md:15:42 error media-outside',
      '2022/2022-03-10-sredba-vo-skopje.md:17:17 error media-outside',
    ]);
    expect(issues.every((i) => i.hint)).toBe(true);
  });

  it('writes GitHub annotations at the reference', async () => {
    const r = await runCli(['check', '--format', 'github'], { cwd: project() });
    expect(r.stdout).toMatch(/::error file=archive\/2022\/2022-03-10-sredba-vo-skopje\.md,line=13,col=32[^\n]*missing\.jpg/);
  });

  it('passes once the problems are fixed, and reads the index without losing the media check', async () => {
    const cwd = project();
    const file = path.join(cwd, 'archive/2022/2022-03-10-sredba-vo-skopje.md');
    writeFileSync(file, readFileSync(file, 'utf8').split('\n').slice(0, 12).join('\n'));
    expect((await runCli(['list'], { cwd })).code).toBe(0); // builds the index
    const r = await runCli(['check'], { cwd });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('has no alt text');
  });
});

describe('export html: media', () => {
  it('copies every referenced file once, hard-linked, and nothing from outside the archive', async () => {
    const cwd = project();
    const r = await runCli(['export', '--format', 'html', '--out', 'site', '--base-url', 'https://example.org/press/'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const site = path.join(cwd, 'site');
    const media = walk(site).filter((f) => f.startsWith('media/'));
    expect(media).toEqual([
      'media/2021/2021-06-01-opening/cover.jpg',
      'media/2021/2021-06-01-opening/diagram.svg',
      'media/2021/2021-06-01-opening/photo.png',
      'media/2021/2021-06-01-opening/statement.pdf',
      'media/2022/images/sredba.jpg',
      expect.stringMatching(/^media\/2022\/programa-[0-9a-f]{8}\.pdf$/),
      'media/shared/logo.png',
    ]);
    expect(statSync(path.join(site, 'media/shared/logo.png')).ino).toBe(statSync(path.join(cwd, 'archive/shared/logo.png')).ino);
    for (const f of walk(site)) expect(readFileSync(path.join(site, f), 'latin1')).not.toContain('SECRET-OUTSIDE');
    expect(media.some((f) => f.includes('notes') || f.includes('missing') || f.includes('linked-out'))).toBe(false);
  });

  it("gives images their size, lazy loading and og:image; lists files in the reader's language; never inlines SVG", async () => {
    const cwd = project();
    await runCli(['export', '--format', 'html', '--out', 'site', '--base-url', 'https://example.org/press/'], { cwd });
    const opening = readFileSync(path.join(cwd, 'site/r/2021-06-01-opening.html'), 'utf8');
    expect(opening).toContain(
      '<img src="../media/2021/2021-06-01-opening/photo.png" alt="The minister cuts the ribbon at the opening" width="32" height="24" loading="lazy" decoding="async">',
    );
    expect(opening).toContain('<meta property="og:image" content="https://example.org/press/media/2021/2021-06-01-opening/cover.jpg">');
    expect(opening).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(opening).toMatch(/<h2 id="files">Files<\/h2>.*statement\.pdf<\/a> <span class="file-facts">PDF document, 583 bytes<\/span>/);
    expect(opening).not.toMatch(/<svg/i);
    expect(opening).toContain('<img src="../media/2021/2021-06-01-opening/diagram.svg"');
    const sredba = readFileSync(path.join(cwd, 'site/r/2022-03-10-sredba-vo-skopje.html'), 'utf8');
    expect(sredba).toMatch(/<h2 id="files">Датотеки<\/h2>.*PDF-документ, 583 бајти/);
    // Missing and refused files are text, never dead links or broken images.
    expect(sredba).toContain('<span class="media-missing">Фотографија што недостасува</span>');
    expect(sredba).toContain('Тајна и уште една.');
    expect(sredba).not.toMatch(/missing\.jpg|outside\.txt|etc\/passwd|linked-out/);
  });

  it('writes enclosures into Atom and attachments and image into JSON Feed', async () => {
    const cwd = project();
    await runCli(['export', '--format', 'html', '--out', 'site', '--base-url', 'https://example.org/press/'], { cwd });
    const atom = readFileSync(path.join(cwd, 'site/feeds/en.xml'), 'utf8');
    expect(atom).toContain(
      '<link rel="enclosure" type="application/pdf" length="583" href="https://example.org/press/media/2021/2021-06-01-opening/statement.pdf"/>',
    );
    expect(atom).toContain('src=&quot;https://example.org/press/media/2021/2021-06-01-opening/photo.png&quot;');
    const feed = JSON.parse(readFileSync(path.join(cwd, 'site/feeds/mk.json'), 'utf8'));
    expect(feed.items[0].image).toBe('https://example.org/press/media/2022/images/sredba.jpg');
    expect(feed.items[0].attachments).toContainEqual({
      url: 'https://example.org/press/media/shared/logo.png',
      mime_type: 'image/png',
      title: 'logo.png',
      size_in_bytes: 121,
    });
  });
});

describe('export json: media', () => {
  it("lists each release's files with type, bytes, sha256 and pixel size, valid against the schema, byte-identical twice", async () => {
    const cwd = project();
    const first = await runCli(['export', '--format', 'json'], { cwd });
    expect(first.code, first.stderr).toBe(0);
    const entries = JSON.parse(first.stdout) as Record<string, unknown>[];
    for (const e of entries) expect(validate(e), JSON.stringify(validate.errors)).toBe(true);
    const opening = entries.find((e) => e.id === '2021-06-01-opening')!;
    expect(opening.path).toBe('2021/2021-06-01-opening/index.md');
    expect(opening.media).toContainEqual({
      path: '2021/2021-06-01-opening/photo.png',
      type: 'image/png',
      bytes: 160,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      width: 32,
      height: 24,
    });
    expect(entries.find((e) => e.id === '2023-01-20-plain')!.media).toEqual([]);
    expect((await runCli(['export', '--format', 'json'], { cwd })).stdout).toBe(first.stdout);
    const nd = await runCli(['export', '--format', 'ndjson'], { cwd });
    expect(
      nd.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).media),
    ).toEqual(entries.map((e) => e.media));
    expect(existsSync(path.join(cwd, 'archive/2021/2021-06-01-opening/photo.png'))).toBe(true);
  });
});
