import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT, freezeBin, runBin, sameSnapshot, scaled, snapshot, syntheticArchive, type BinResult } from '../helpers/hostile.js';
import { loadBetterSqlite } from '../../src/core/store/sqlite.js';

// Many processes on one archive and one index, as a user with a few terminals (or a CI
// job and an editor plugin) would have. Everything must end with exit 0 and never show
// SQLite's "database is locked" (or any SQLite error) to the user.
const ROUNDS = scaled(1, 5);
let base: string;
let n = 0;

function project(): string {
  const root = path.join(base, `p${n++}`);
  cpSync(path.join(base, 'archive'), path.join(root, 'archive'), { recursive: true });
  return root;
}

function expectClean(r: BinResult, what: string): void {
  expect(r.stderr, what).not.toMatch(/database is locked|SQLITE_|SqliteError|this is a bug|\n\s+at /);
  expect(r.code, `${what}: ${r.stderr}`).toBe(0);
}

describe.skipIf(!BUILT)('concurrent commands on one archive (real bin)', () => {
  beforeAll(async () => {
    base = mkdtempSync(path.join(tmpdir(), 'releases-conc-'));
    freezeBin(path.join(base, 'build'));
    await syntheticArchive(path.join(base, 'archive'), 150, 11);
  }, 120_000);
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('search runs while adds write: every run exits 0, every new release is found afterwards', async () => {
    const root = project();
    for (let round = 0; round < ROUNDS; round++) {
      const adds = Array.from({ length: 6 }, (_, i) =>
        runBin(
          [
            'add',
            '--title',
            `Паралелна вест ${round} ${i}`,
            '--date',
            '2026-01-1' + (i % 10),
            '--tag',
            'паралелно',
            '--body-file',
            '-',
            '--no-input',
          ],
          root,
          { stdin: `Соработка број ${round}-${i}.\n` },
        ),
      );
      const searches = Array.from({ length: 6 }, (_, i) => runBin(['search', i % 2 ? 'соработка' : 'паралелна', '--format', 'json'], root));
      const all = await Promise.all([...adds, ...searches]);
      all.forEach((r, i) => expectClean(r, i < adds.length ? `add ${i}` : `search ${i - adds.length}`));
      for (const s of all.slice(adds.length)) expect(Array.isArray(JSON.parse(s.stdout))).toBe(true);
    }
    const found = await runBin(['search', 'паралелна', '--format', 'json', '--limit', '1000'], root);
    expectClean(found, 'final search');
    expect(JSON.parse(found.stdout).filter((e: { tags: string[] }) => e.tags.includes('паралелно'))).toHaveLength(6 * ROUNDS);
  }, 300_000);

  it('two searches while the index is rebuilt: all exit 0 with the same answer', async () => {
    const root = project();
    const first = await runBin(['search', 'соработка', '--format', 'json', '--limit', '1000'], root);
    expectClean(first, 'first search');
    const ids = (out: string) => (JSON.parse(out) as { id: string }[]).map((e) => e.id).sort();
    for (let round = 0; round < ROUNDS * 2; round++) {
      const runs = await Promise.all([
        runBin(['index', '--rebuild'], root),
        runBin(['search', 'соработка', '--format', 'json', '--limit', '1000'], root),
        runBin(['search', 'соработка', '--format', 'json', '--limit', '1000'], root),
      ]);
      runs.forEach((r, i) => expectClean(r, ['index --rebuild', 'search 1', 'search 2'][i]));
      expect(ids(runs[1].stdout)).toEqual(ids(first.stdout));
      expect(ids(runs[2].stdout)).toEqual(ids(first.stdout));
    }
  }, 300_000);

  it('two html exports into one folder at once: both exit 0 or one refuses cleanly; the site is complete', async () => {
    const root = project();
    const ref = await runBin(['export', '--format', 'html', '--out', 'ref'], root);
    expectClean(ref, 'reference export');
    const expected = snapshot(path.join(root, 'ref'));
    for (let round = 0; round < ROUNDS * 2; round++) {
      const runs = await Promise.all([0, 1].map(() => runBin(['export', '--format', 'html', '--out', 'site'], root)));
      const said = `round ${round}: ${runs.map((r) => r.stderr.trim()).join(' | ')}`;
      expect(
        runs.some((r) => r.code === 0),
        said,
      ).toBe(true);
      expect(sameSnapshot(snapshot(path.join(root, 'site')), expected), said).toBe(true);
      // Nothing hidden is left beside the site by either run.
      expect(
        readdirSync(root).filter((f) => f.startsWith('.site')),
        said,
      ).toEqual([]);
      // BUG (export area): the second run clears the first one's build folder as if it had
      // been left by a killed run, and the first dies with ENOTEMPTY/ENOENT ("this is a bug").
      for (const r of runs) {
        expect(r.stderr, said).not.toMatch(/database is locked|SQLITE_|this is a bug|\n\s+at /);
        expect([0, 1], said).toContain(r.code);
      }
    }
  }, 300_000);

  it('two json exports into one file at once: the file is one complete export', async () => {
    const root = project();
    const ref = await runBin(['export', '--format', 'json', '--out', 'ref.json'], root);
    expectClean(ref, 'reference export');
    const expected = readFileSync(path.join(root, 'ref.json'), 'utf8');
    for (let round = 0; round < ROUNDS * 2; round++) {
      const runs = await Promise.all([0, 1].map(() => runBin(['export', '--format', 'json', '--out', 'out.json'], root)));
      runs.forEach((r, i) => expectClean(r, `export ${i}`));
      expect(readFileSync(path.join(root, 'out.json'), 'utf8')).toBe(expected);
    }
  }, 300_000);

  it('a truncated, corrupt or foreign file where the index should be is rebuilt with a warning', async () => {
    const root = project();
    const first = await runBin(['search', 'соработка', '--format', 'json', '--limit', '1000'], root);
    expectClean(first, 'first search');
    const cache = path.join(root, '.releases');
    const file = path.join(cache, readdirSync(cache).find((f) => f.endsWith('.sqlite'))!);
    const good = readFileSync(file);
    const damages: [string, () => void][] = [
      ['truncated to half', () => writeFileSync(file, good.subarray(0, Math.floor(good.length / 2)))],
      ['random bytes', () => writeFileSync(file, Buffer.from(Array.from({ length: good.length }, (_, i) => (i * 7919) % 256)))],
      ['a text file', () => writeFileSync(file, 'not a database\n')],
      ['empty', () => writeFileSync(file, '')],
      ['header kept, pages zeroed', () => writeFileSync(file, Buffer.concat([good.subarray(0, 4096), Buffer.alloc(good.length - 4096)]))],
      ['a foreign SQLite database', () => cpSync(path.join(base, 'foreign.sqlite'), file)],
    ];
    const Sqlite = (await loadBetterSqlite())!;
    const foreign = new Sqlite(path.join(base, 'foreign.sqlite'));
    foreign.exec("CREATE TABLE IF NOT EXISTS notes (t TEXT); INSERT INTO notes VALUES ('mine')");
    foreign.close();
    for (const [name, damage] of damages) {
      for (const f of readdirSync(cache).filter((x) => x.endsWith('-wal') || x.endsWith('-shm'))) rmSync(path.join(cache, f));
      damage();
      const r = await runBin(['search', 'соработка', '--format', 'json', '--limit', '1000'], root);
      expectClean(r, name);
      expect(r.stdout, name).toBe(first.stdout);
      if (name !== 'empty') expect(r.stderr, name).toMatch(/warning .*index/);
    }
  }, 300_000);
});
