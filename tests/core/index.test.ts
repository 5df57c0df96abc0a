import { appendFileSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArchive, type ParseCache } from '../../src/core/archive.js';
import { findReleaseFiles } from '../../src/core/files.js';
import { scanReleaseFiles } from '../../src/core/store/scan.js';
import { openArchiveIndex, searchArchive, withIndex } from '../../src/core/store/session.js';
import { loadBetterSqlite } from '../../src/core/store/sqlite.js';
import { NO_FILTERS } from '../../src/core/filters.js';
import { fixtureCopies } from '../helpers/fixture-copies.js';
import { short } from '../helpers/search.js';

const fresh = fixtureCopies();

async function ids(archive: string, query: string, env: Record<string, string> = {}): Promise<string[]> {
  const run = await searchArchive(archive, query, NO_FILTERS, undefined, { env });
  return run.outcome.hits.map((h) => short(h.release.id)).sort();
}

async function refresh(archive: string) {
  const { value } = await withIndex(archive, {}, (index) => index!.refresh(archive));
  return value;
}

const RELEASE = (title: string, body: string) => `---\ntitle: ${title}\ndate: 2023-03-03\n---\n${body}\n`;

describe('index refresh', () => {
  it('parses everything once, then nothing while the files stay unchanged', async () => {
    const { archive } = fresh();
    expect(await refresh(archive)).toEqual({ parsed: 24, removed: 0, files: 24 });
    expect(await refresh(archive)).toEqual({ parsed: 0, removed: 0, files: 24 });
  });

  it('notices a change written through the parse cache (list) before trusting its fingerprint', async () => {
    const { archive } = fresh();
    await refresh(archive);
    const file = path.join(archive, '2020/2020-05-05-pandemija.md');
    writeFileSync(file, RELEASE('Пандемија', 'Ксилофон.'));
    await withIndex(archive, {}, (index) => loadArchive(archive, { cache: index! }));
    expect(await refresh(archive)).toEqual({ parsed: 0, removed: 0, files: 24 });
    expect(await ids(archive, 'ksilofon')).toEqual(['pandemija']);
  });

  it('sees an added file', async () => {
    const { archive } = fresh();
    await refresh(archive);
    mkdirSync(path.join(archive, '2023'));
    writeFileSync(path.join(archive, '2023/2023-03-03-novo.md'), RELEASE('Ново соопштение', 'Зборот ксилофон е тука.'));
    expect(await refresh(archive)).toEqual({ parsed: 1, removed: 0, files: 25 });
    expect(await ids(archive, 'ksilofon')).toEqual(['novo']);
  });

  it('sees a file edited in place, even when its size and folder do not change', async () => {
    const { archive } = fresh();
    const file = path.join(archive, '2020/2020-05-05-pandemija.md');
    expect(await ids(archive, 'вебинар')).toEqual(['pandemija']);
    const text = (await import('node:fs')).readFileSync(file, 'utf8');
    // Same length, other word: only the file's mtime tells.
    writeFileSync(file, text.replace('Вебинарот', 'Семинарот'));
    const later = new Date(Date.now() + 5000);
    utimesSync(file, later, later);
    expect(await ids(archive, 'вебинар')).toEqual([]);
    expect(await ids(archive, 'семинар')).toEqual(['pandemija']);
  });

  it('forgets a deleted file', async () => {
    const { archive } = fresh();
    await refresh(archive);
    rmSync(path.join(archive, '2021/2021-09-09-verski-zaednici.md'));
    expect(await refresh(archive)).toEqual({ parsed: 0, removed: 1, files: 23 });
    expect(await ids(archive, 'dzhamija')).toEqual([]);
  });

  it('follows a renamed file to its new path', async () => {
    const { archive } = fresh();
    await refresh(archive);
    renameSync(path.join(archive, '2021/2021-09-09-verski-zaednici.md'), path.join(archive, '2021/2021-09-09-dzhamija-i-crkva.md'));
    expect(await refresh(archive)).toEqual({ parsed: 1, removed: 1, files: 24 });
    expect(await ids(archive, 'dzhamija')).toEqual(['dzhamija-i-crkva']);
  });

  it('stops finding a file that became unreadable, and finds it again once fixed', async () => {
    const { archive } = fresh();
    const file = path.join(archive, '2022/2022-02-02-returnees.md');
    expect(await ids(archive, 'returnees')).toEqual(['returnees']);
    appendFileSync(file, '\n---\ntitle: [unclosed\n');
    writeFileSync(file, '---\ntitle: [unclosed\n---\nreturnees\n');
    expect(await ids(archive, 'returnees')).toEqual([]);
    writeFileSync(file, RELEASE('Returnees', 'returnees again'));
    expect(await ids(archive, 'returnees')).toEqual(['returnees']);
  });

  it('gives the same scores after every file was indexed again (no drift from deletes)', async () => {
    const { archive } = fresh();
    const scores = async () => (await searchArchive(archive, 'соработка ohrid', NO_FILTERS, undefined)).outcome.hits.map((h) => h.score);
    const before = await scores();
    const later = new Date(Date.now() + 5000);
    for (const f of scanReleaseFiles(archive).files) utimesSync(f.absolute, later, later);
    expect(await refresh(archive)).toMatchObject({ parsed: 24 });
    expect(await scores()).toEqual(before);
  });

  it('with RELEASES_INDEX_CHECK=folders trusts folder mtimes (and still sees new files)', async () => {
    const { archive } = fresh();
    await ids(archive, 'x');
    writeFileSync(path.join(archive, '2020/2020-12-12-new.md'), RELEASE('Ксилофон', 'нов'));
    expect(await ids(archive, 'ksilofon', { RELEASES_INDEX_CHECK: 'folders' })).toEqual(['new']);
  });
});

describe('index file', () => {
  const indexFile = async (archive: string) => (await openArchiveIndex(archive, { loader: async () => null })).file;

  it('lives in .releases/ next to the archive, or in RELEASES_CACHE_DIR', async () => {
    const { root, archive } = fresh();
    await refresh(archive);
    expect(readdirSync(path.join(root, '.releases')).some((f) => f.endsWith('.sqlite'))).toBe(true);
    const elsewhere = path.join(root, 'cache');
    await searchArchive(archive, 'x', NO_FILTERS, 1, { env: { RELEASES_CACHE_DIR: elsewhere } });
    expect(readdirSync(elsewhere).some((f) => f.endsWith('.sqlite'))).toBe(true);
  });

  it('is rebuilt with a warning when it is not a database', async () => {
    const { archive } = fresh();
    await refresh(archive);
    const file = await indexFile(archive);
    writeFileSync(file, 'this is not SQLite '.repeat(500));
    rmSync(`${file}-wal`, { force: true });
    rmSync(`${file}-shm`, { force: true });
    const run = await searchArchive(archive, 'ОБСЕ', NO_FILTERS, undefined);
    expect(run.engine).toBe('index');
    expect(run.warnings.join('\n')).toMatch(/could not be read|damaged/);
    expect(run.outcome.hits).toHaveLength(5);
  });

  it('is replaced when it belongs to something else or to another schema version', async () => {
    const { archive } = fresh();
    const file = await indexFile(archive);
    mkdirSync(path.dirname(file), { recursive: true });
    const Sqlite = (await loadBetterSqlite())!;
    const foreign = new Sqlite(file);
    foreign.exec('CREATE TABLE notes (x TEXT)');
    foreign.close();
    let run = await searchArchive(archive, 'ОБСЕ', NO_FILTERS, undefined);
    expect(run.warnings.join('\n')).toMatch(/not a releases index/);
    expect(run.outcome.hits).toHaveLength(5);

    const old = new Sqlite(file);
    old.prepare("UPDATE meta SET value = '0' WHERE key = 'schema_version'").run();
    old.close();
    run = await searchArchive(archive, 'ОБСЕ', NO_FILTERS, undefined);
    expect(run.warnings.join('\n')).toMatch(/another version of releases/);
    expect(run.outcome.hits).toHaveLength(5);
    run = await searchArchive(archive, 'ОБСЕ', NO_FILTERS, undefined);
    expect(run.warnings).toEqual([]);

    // Same format, other release of the tool: it may parse differently, so it is rebuilt too.
    const older = new Sqlite(file);
    older.prepare("UPDATE meta SET value = '0.0.1' WHERE key = 'tool_version'").run();
    older.close();
    run = await searchArchive(archive, 'ОБСЕ', NO_FILTERS, undefined);
    expect(run.warnings.join('\n')).toMatch(/another version of releases \(0\.0\.1, this is \d+\.\d+\.\d+\)/);
    expect(run.outcome.hits).toHaveLength(5);
  });

  it('--rebuild fills the index anew in one transaction, so others see it whole, before or after', async () => {
    const { archive } = fresh();
    await refresh(archive);
    const file = await indexFile(archive);
    const inode = statSync(file).ino;
    const other = await openArchiveIndex(archive);
    const count = () => other.index!.db.prepare('SELECT count(*) FROM files').pluck().get();
    try {
      const { value } = await withIndex(archive, { rebuild: true }, async (index) => {
        expect(count()).toBe(24);
        const stats = await index!.refresh(archive);
        expect(count()).toBe(24);
        return stats;
      });
      expect(value).toEqual({ parsed: 24, removed: 0, files: 24 });
      expect(statSync(file).ino).toBe(inode);
      // The other process sees the rebuilt rows through the same files, not a deleted copy.
      expect(await other.index!.refresh(archive)).toEqual({ parsed: 0, removed: 0, files: 24 });
    } finally {
      other.index?.close();
    }
    expect(await ids(archive, 'ОБСЕ')).toHaveLength(5);
  });

  it('--rebuild while another process holds the write lock leaves the index as it was, and says so', async () => {
    const { archive } = fresh();
    await refresh(archive);
    const file = await indexFile(archive);
    const inode = statSync(file).ino;
    const other = await openArchiveIndex(archive);
    other.index!.db.exec('BEGIN IMMEDIATE');
    try {
      const { value, warnings } = await withIndex(archive, { rebuild: true, busyWaitMs: 1000 }, (index) => index);
      expect(value).toBeNull();
      expect(warnings.join('\n')).toMatch(/another releases process kept the search index .* locked for over 1 s, so it was not rebuilt/);
    } finally {
      other.index!.db.exec('ROLLBACK');
      other.index?.close();
    }
    expect(statSync(file).ino).toBe(inode);
    expect(await refresh(archive)).toEqual({ parsed: 0, removed: 0, files: 24 });
  });

  it('falls back to reading the files when the cache folder cannot be made', async () => {
    const { root, archive } = fresh();
    writeFileSync(path.join(root, 'blocker'), 'a file where the cache folder should be');
    const run = await searchArchive(archive, 'ОБСЕ', NO_FILTERS, undefined, { cacheDir: path.join(root, 'blocker', 'cache') });
    expect(run.engine).toBe('memory');
    expect(run.warnings.join('\n')).toMatch(/cannot be used/);
    expect(run.outcome.hits).toHaveLength(5);
  });
});

describe('parse cache for loadArchive', () => {
  it('serves every unchanged file from the index, giving the same archive', async () => {
    const { archive } = fresh();
    await refresh(archive);
    const plain = await loadArchive(archive);
    const { value } = await withIndex(archive, {}, async (index) => {
      let hits = 0;
      const counting: ParseCache = {
        get: (f) => {
          const r = index!.get(f);
          if (r) hits++;
          return r;
        },
        update: (a, b) => index!.update(a, b),
      };
      return { archive: await loadArchive(archive, { cache: counting }), hits };
    });
    expect(value.hits).toBe(24);
    expect(value.archive.releases).toEqual(plain.releases);
    expect(value.archive.issues).toEqual(plain.issues);
  });
});

describe('scanReleaseFiles', () => {
  it.each(['search-multilingual', 'multilingual', 'corpus-nasties', 'bad-inputs'])(
    'finds the same files as findReleaseFiles in %s',
    async (name) => {
      const { archive } = fresh(name);
      const slow = (await findReleaseFiles(archive)).files.map((f) => [f.path, f.size, f.mtimeMs]);
      const fast = scanReleaseFiles(archive)
        .files.map((f) => [f.path, f.size, f.mtimeMs])
        .sort((a, b) => (a[0] < b[0] ? -1 : 1));
      expect(fast).toEqual(slow);
    },
  );
});
