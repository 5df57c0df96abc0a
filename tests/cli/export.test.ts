import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { fixtureProject, runCli } from '../helpers/cli.js';

const schema = JSON.parse(readFileSync(path.resolve(__dirname, '../../docs/release-entry.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);

describe('export --format json|ndjson', () => {
  it('names a skipped archive.yml as list does, from the working folder, and leaves its bad language out', async () => {
    const cwd = fixtureProject('multilingual');
    writeFileSync(path.join(cwd, 'archive/archive.yml'), 'name: Соопштенија\nlang: macedonian\n');
    const line = 'skipped archive/archive.yml:2:7  lang "macedonian" is not a language code';
    const json = await runCli(['export', '--format', 'json'], { cwd });
    expect(json.code, json.stderr).toBe(0);
    expect(json.stderr.split('\n')).toContain(line);
    const html = await runCli(['export', '--format', 'html', '--out', 'site'], { cwd });
    expect(html.code, html.stderr).toBe(0);
    expect(html.stderr.split('\n')).toContain(line);
    expect(readFileSync(path.join(cwd, 'site/index.html'), 'utf8')).toContain('<html lang="en">');
  });

  it('writes every entry with body and html, valid against the shipped schema', async () => {
    const cwd = fixtureProject('export-site');
    const r = await runCli(['export', '--format', 'json'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const entries = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(entries).toHaveLength(7);
    for (const e of entries) expect(validate(e), JSON.stringify(validate.errors)).toBe(true);
    const xss = entries.find((e) => e.id === '2022-05-02-xss')!;
    expect(xss.html).not.toMatch(/<script|<img|<svg|href="javascript:|href="data:/i);
    expect(xss.html).toContain('&lt;script&gt;alert(');
    expect(xss.body).toContain("<script>alert('body')</script>");
    const report = entries.find((e) => e.id === '2021-06-01-godishen-izveshtaj')!;
    expect(report.custom_field).toEqual({ nested: [1, 2] });
    expect(entries.find((e) => e.id === '2019-03-05-bashkepunim-rajonal')!.translations).toEqual([
      { lang: 'mk', id: '2019-03-06-regionalna-sorabotka' },
    ]);
    // The same formatting as JSON.stringify(…, null, 2), though written entry by entry.
    expect(r.stdout).toBe(`${JSON.stringify(entries, null, 2)}\n`);
  });

  it('is byte-identical across runs, and NDJSON carries the same entries one per line', async () => {
    const cwd = fixtureProject('export-site');
    const a = await runCli(['export', '--format', 'json'], { cwd });
    const b = await runCli(['export', '--format', 'json'], {
      cwd,
      now: new Date('2031-01-01T00:00:00Z'),
      env: { TZ: 'Pacific/Kiritimati' },
    });
    expect(b.stdout).toBe(a.stdout);
    const nd = await runCli(['export', '--format', 'ndjson'], { cwd });
    const lines = nd.stdout.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((l) => JSON.parse(l))).toEqual(JSON.parse(a.stdout));
  });

  it('applies the shared filters and prints [] when nothing matches', async () => {
    const cwd = fixtureProject('export-site');
    const sq = await runCli(['export', '--format', 'ndjson', '--partner', 'ОБСЕ', '--from', '2019', '--lang', 'sq'], { cwd });
    expect(
      sq.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toEqual(['2019-03-05-bashkepunim-rajonal']);
    const none = await runCli(['export', '--format', 'json', '--from', '1990', '--to', '1991'], { cwd });
    expect(none).toMatchObject({ code: 0, stdout: '[]\n' });
    expect((await runCli(['export', '--from', '31.2.2019'], { cwd })).code).toBe(2);
  });

  it('writes --out FILE, replaces an earlier export, and refuses any other file', async () => {
    const cwd = fixtureProject('export-site');
    const first = await runCli(['export', '--format', 'ndjson', '--out', 'out/releases.ndjson'], { cwd });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe('');
    const file = path.join(cwd, 'out/releases.ndjson');
    expect(readFileSync(file, 'utf8').split('\n')).toHaveLength(8);
    expect((await runCli(['export', '--format', 'ndjson', '--lang', 'en', '--out', 'out/releases.ndjson'], { cwd })).code).toBe(0);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);
    writeFileSync(path.join(cwd, 'notes.json'), '{"mine": true}\n');
    const refused = await runCli(['export', '--format', 'json', '--out', 'notes.json'], { cwd });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('notes.json already exists and is not an earlier export');
    expect(readFileSync(path.join(cwd, 'notes.json'), 'utf8')).toBe('{"mine": true}\n');
  });
});

describe('export --format html: where it writes', () => {
  it('needs --out', async () => {
    const r = await runCli(['export', '--format', 'html'], { cwd: fixtureProject('export-site') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out DIR is missing');
  });

  it('refuses a folder that holds other files, the archive, or the root, touching nothing', async () => {
    const cwd = fixtureProject('export-site');
    mkdirSync(path.join(cwd, 'docs'));
    writeFileSync(path.join(cwd, 'docs/page.html'), 'mine');
    const foreign = await runCli(['export', '--format', 'html', '--out', 'docs'], { cwd });
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toMatch(/docs is not empty and holds no earlier export.*nothing was touched/);
    expect(readFileSync(path.join(cwd, 'docs/page.html'), 'utf8')).toBe('mine');
    expect(existsSync(path.join(cwd, 'docs/index.html'))).toBe(false);
    for (const out of ['archive/site', 'archive', '/', '.']) {
      const r = await runCli(['export', '--format', 'html', '--out', out], { cwd });
      expect(r.code, out).toBe(1);
      expect(r.stderr, out).toMatch(/inside the archive folder|root folder|holds the archive folder/);
    }
    expect(existsSync(path.join(cwd, 'archive/site'))).toBe(false);
  });

  it('replaces an earlier export: removes its stale pages, keeps files the user added', async () => {
    const cwd = fixtureProject('export-site');
    const out = path.join(cwd, 'site');
    expect((await runCli(['export', '--format', 'html', '--out', 'site'], { cwd })).code).toBe(0);
    const marker = JSON.parse(readFileSync(path.join(out, '.releases-export'), 'utf8'));
    expect(marker.files).toContain('index.html');
    expect(existsSync(path.join(out, 'r/2022-05-02-xss.html'))).toBe(true);
    writeFileSync(path.join(out, 'CNAME'), 'releases.example.org\n');
    const again = await runCli(['export', '--format', 'html', '--out', 'site', '--to', '2021'], { cwd });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('kept 1 file(s) you added to the old site: CNAME');
    expect(existsSync(path.join(out, 'r/2022-05-02-xss.html'))).toBe(false);
    expect(readFileSync(path.join(out, 'CNAME'), 'utf8')).toBe('releases.example.org\n');
    expect(readdirNames(cwd)).toEqual(['archive', 'site']);
  });

  it('leaves the previous site intact when the export fails', async () => {
    const { SiteDir } = await import('../../src/core/export/site-dir.js');
    const cwd = fixtureProject('export-site');
    expect((await runCli(['export', '--format', 'html', '--out', 'site'], { cwd })).code).toBe(0);
    const before = readFileSync(path.join(cwd, 'site/index.html'), 'utf8');
    const site = await SiteDir.open(path.join(cwd, 'site'), path.join(cwd, 'archive'));
    await site.write('index.html', 'half-written');
    await site.abort();
    expect(readFileSync(path.join(cwd, 'site/index.html'), 'utf8')).toBe(before);
    expect(readdirNames(cwd)).toEqual(['archive', 'site']);
  });

  it('is byte-identical across runs and prints no progress bar without a terminal', async () => {
    const cwd = fixtureProject('export-site');
    const a = await runCli(['export', '--format', 'html', '--out', 'a', '--base-url', 'https://example.org/r/'], { cwd });
    const b = await runCli(['export', '--format', 'html', '--out', 'b', '--base-url', 'https://example.org/r/'], {
      cwd,
      now: new Date('2030-01-01'),
    });
    expect(a.stderr).toBe(`exported 7 release(s) to a/index.html\n`);
    expect(b.code).toBe(0);
    for (const f of JSON.parse(readFileSync(path.join(cwd, 'a/.releases-export'), 'utf8')).files as string[]) {
      expect(readFileSync(path.join(cwd, 'b', f)).equals(readFileSync(path.join(cwd, 'a', f))), f).toBe(true);
    }
  });
});

/** The folder's entries, without the search index cache other commands keep (`.releases/`). */
function readdirNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => n !== '.releases')
    .sort();
}
