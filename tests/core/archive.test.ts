import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArchive, loadArchive } from '../../src/core/archive.js';
import { listReleases, NO_FILTERS, type Filters } from '../../src/core/filters.js';
import { fixtureProject, tempDir } from '../helpers/cli.js';

const load = (name: string) => loadArchive(path.join(fixtureProject(name), 'archive'));
const ids = (rs: { id: string }[]) => rs.map((r) => r.id);

describe('loadArchive', () => {
  it('reads every release, skipping _ and . names and non-Markdown files', async () => {
    const a = await load('multilingual');
    expect(a.fileCount).toBe(5);
    expect(a.releases.map((r) => r.path)).toEqual([
      '2021/2021-06-01-godishen-izveshtaj.md',
      '2020/2020-01-10-sredba-vo-skopje.md',
      '2019/2019-03-05-bashkepunim-rajonal.md',
      '2018/2018-10-18-national-coordinator-at-third-international-conference.md',
      '2018/2018-10-18-uchestvo-na-nacionalniot-koordinator-za-sprechuvanje-na.md',
    ]);
    expect(a.settings).toMatchObject({ lang: 'mk' });
  });

  it('applies the archive language and links translations both ways', async () => {
    const a = await load('multilingual');
    const mk = a.releases.find((r) => r.lang === 'mk' && r.translationKey)!;
    const en = a.releases.find((r) => r.lang === 'en')!;
    expect(mk.translations).toEqual([{ lang: 'en', id: en.id }]);
    expect(en.translations).toEqual([{ lang: 'mk', id: mk.id }]);
    expect(a.releases.find((r) => r.id === '2021-06-01-godishen-izveshtaj')!.lang).toBe('mk');
  });

  it('uses the event as the period, or the date', async () => {
    const a = await load('multilingual');
    expect(a.releases.find((r) => r.lang === 'en')!.period).toEqual({ start: '2018-10-15', end: '2018-10-18' });
    expect(a.releases.find((r) => r.id === '2021-06-01-godishen-izveshtaj')!.period).toEqual({ start: '2021-06-01', end: '2021-06-01' });
  });

  it('warns about a partner the registry does not know, and finds aliases in any script', async () => {
    const a = await load('multilingual');
    const unknown = a.issues.filter((i) => i.code === 'unknown-partner');
    expect(unknown.map((i) => [i.file, i.message])).toEqual([
      ['2020/2020-01-10-sredba-vo-skopje.md', 'partner "Непозната организација" is not in partners.yml'],
    ]);
  });

  it('refuses both files of a duplicate id, keeping the first by path', async () => {
    const a = await load('bad-inputs');
    const dup = a.issues.filter((i) => i.code === 'duplicate-id');
    expect(dup.map((i) => i.file).sort()).toEqual(['a/same-id.md', 'b/same-id.md']);
    expect(dup.find((i) => i.file === 'b/same-id.md')!.message).toContain('a/same-id.md');
    expect(a.releases.filter((r) => r.id === 'same-id').map((r) => r.path)).toEqual(['a/same-id.md']);
  });

  it('sorts issues by file and line', async () => {
    const a = await load('bad-inputs');
    const keys = a.issues.map((i) => `${i.file}:${String(i.line ?? 0).padStart(5, '0')}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('does not follow links out of the archive, nor into loops, nor open a FIFO', async () => {
    const dir = tempDir();
    const archive = path.join(dir, 'archive');
    mkdirSync(archive);
    writeFileSync(path.join(dir, 'outside.md'), '---\ntitle: Outside\ndate: 2020-01-01\n---\nx\n');
    writeFileSync(path.join(archive, 'inside.md'), '---\ntitle: Inside\ndate: 2020-01-01\n---\nx\n');
    symlinkSync(path.join(dir, 'outside.md'), path.join(archive, 'link-out.md'));
    symlinkSync(path.join(archive, 'inside.md'), path.join(archive, 'link-in.md'));
    symlinkSync(path.join(archive, 'loop.md'), path.join(archive, 'loop.md'));
    execFileSync('mkfifo', [path.join(archive, 'pipe.md')]);
    const a = await loadArchive(archive);
    expect(a.releases.map((r) => r.path).sort()).toEqual(['inside.md', 'link-in.md']);
    expect(
      a.issues
        .filter((i) => i.code === 'link-outside')
        .map((i) => i.file)
        .sort(),
    ).toEqual(['link-out.md', 'loop.md']);
    expect(a.issues.find((i) => i.code === 'not-a-file')!.file).toBe('pipe.md');
  });

  it('names an unreadable file', async () => {
    if (process.getuid?.() === 0) {
      // root reads any file: simulate with a folder named like a release instead
      const dir = tempDir();
      mkdirSync(path.join(dir, 'dir.md'));
      const a = await loadArchive(dir);
      expect(a.fileCount).toBe(0);
      return;
    }
    const dir = tempDir();
    writeFileSync(path.join(dir, 'secret.md'), '---\ntitle: S\ndate: 2020-01-01\n---\n');
    chmodSync(path.join(dir, 'secret.md'), 0);
    const a = await loadArchive(dir);
    expect(a.issues[0]).toMatchObject({ file: 'secret.md', code: 'unreadable' });
  });

  it('says what to do when the folder does not exist', async () => {
    await expect(loadArchive('/nonexistent/archive')).rejects.toMatchObject({ exitCode: 1, hint: expect.stringContaining('--archive') });
  });
});

describe('checkArchive', () => {
  it.each(['bad-inputs', 'corpus-nasties', 'multilingual', 'export-site'])(
    'finds exactly the issues loadArchive finds, in the same order, and the media issues besides (%s)',
    async (name) => {
      const dir = path.join(fixtureProject(name), 'archive');
      const full = await loadArchive(dir);
      expect(full.issues.length).toBeGreaterThan(0);
      const checked = await checkArchive(dir);
      expect({ ...checked, issues: checked.issues.filter((i) => !i.code.startsWith('media-')) }).toEqual({
        issues: full.issues,
        fileCount: full.fileCount,
      });
    },
  );

  it('keeps the cross-file checks: duplicate ids, shared translation keys, unknown partners', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'partners.yml'), 'osce:\n  name: OSCE\n');
    const file = (name: string, fm: string) => writeFileSync(path.join(dir, name), `---\ntitle: T\ndate: 2020-01-01\n${fm}---\nx\n`);
    file('a.md', 'id: same\npartners: [OSCEE, OSCE]\ntranslation_key: k\nlang: en\n');
    file('b.md', 'id: same\npartners: [Nobody]\n');
    file('c.md', 'translation_key: k\nlang: en\nevent: 2019-12-30..2020-01-02\n');
    const full = await loadArchive(dir);
    const checked = await checkArchive(dir);
    expect(checked.issues.map((i) => `${i.file} ${i.code}`)).toEqual([
      'a.md unknown-partner',
      'a.md duplicate-id',
      'b.md duplicate-id',
      'c.md translation-same-lang',
    ]);
    expect(checked).toEqual({ issues: full.issues, fileCount: 3 });
  });
});

describe('listReleases', () => {
  const filters = (f: Partial<Filters>): Filters => ({ ...NO_FILTERS, ...f });
  const query = async (f: Partial<Filters>) => {
    const a = await load('multilingual');
    return ids(listReleases(a.releases, filters(f), a.registry, { sort: 'date', reverse: false }));
  };

  it('finds an event by any day of its period', async () => {
    expect(await query({ from: '2018-10-16', to: '2018-10-16' })).toHaveLength(2);
    expect(await query({ from: '2018-10-19', to: '2018-12-31' })).toHaveLength(0);
  });

  it('matches partners through the registry in any script', async () => {
    for (const term of ['osce', 'OSCE', 'ОБСЕ', 'OSBE', 'osce-skopje', 'мисија']) {
      expect(await query({ partners: [term] }), term).toHaveLength(3);
    }
    expect(await query({ partners: ['mvr'] })).toHaveLength(3);
    expect(await query({ partners: ['mvr', 'osce'] })).toHaveLength(2);
    expect(await query({ partners: ['Непозната'] })).toEqual(['2020-01-10-sredba-vo-skopje']);
  });

  it('matches people, tags and places across scripts and diacritics', async () => {
    expect(await query({ people: ['petrevski'] })).toHaveLength(3);
    expect(await query({ people: ['Петревски'] })).toHaveLength(3);
    expect(await query({ tags: ['bashkepunim'] })).toEqual(['2019-03-05-bashkepunim-rajonal']);
    expect(await query({ location: 'ohrid' })).toHaveLength(2);
    expect(await query({ people: ['gorgi'] })).toEqual([]);
    expect(await query({ people: ['gjorgji'] })).toEqual(['2020-01-10-sredba-vo-skopje']);
  });

  it('filters by language', async () => {
    expect(await query({ lang: 'sq' })).toEqual(['2019-03-05-bashkepunim-rajonal']);
    expect(await query({ lang: 'MK' })).toHaveLength(3);
  });

  it("sorts by title in the language's order, reverses and limits", async () => {
    const a = await load('multilingual');
    const byTitle = listReleases(a.releases, NO_FILTERS, a.registry, { sort: 'title', reverse: false });
    expect(byTitle[0].title).toBe('Bashkëpunim rajonal për parandalimin e ekstremizmit të dhunshëm');
    const newest = listReleases(a.releases, NO_FILTERS, a.registry, { sort: 'date', reverse: true, limit: 1 });
    expect(newest.map((r) => r.lang)).toEqual(['mk']);
    expect(newest[0].date).toBe('2018-10-18');
  });
});
