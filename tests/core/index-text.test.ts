import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/core/filters.js';
import { searchArchive, withIndex } from '../../src/core/store/session.js';
import { type DatabaseConstructor, loadBetterSqlite } from '../../src/core/store/sqlite.js';
import { toRow } from '../../src/core/store/rows.js';
import { parseFromDisk } from '../../src/core/store/read.js';
import { scanReleaseFiles } from '../../src/core/store/scan.js';
import { fixtureCopies } from '../helpers/fixture-copies.js';

// The full-text table is built by the first search, not by the command that first builds
// the index (list, show, check, export): the search must then rank exactly as on an index
// built with its text from the start, and the table must stay up to date afterwards.

const copy = fixtureCopies();
const fresh = () => copy().archive;

const QUERIES = ['соработка ohrid', 'ОБСЕ', 'skopje -ohrid', 'sorabotka', 'соработак'];

async function results(archive: string, env: Record<string, string> = {}) {
  const out: unknown[] = [];
  for (const q of QUERIES) {
    const { outcome } = await searchArchive(archive, q, NO_FILTERS, undefined, { env });
    out.push([q, outcome.total, outcome.suggestions, outcome.hits.map((h) => [h.release.id, h.score])]);
  }
  return out;
}

const textRows = (archive: string) =>
  withIndex(archive, {}, (index) => [index!.hasText(), index!.db.prepare('SELECT count(*) FROM fts').pluck().get()]);

describe('the full-text table', () => {
  it('is left out by a refresh (as list does it) and built by the first search, with the same results', async () => {
    const a = fresh();
    const b = fresh();
    await withIndex(a, {}, (index) => index!.refresh(a));
    expect((await textRows(a)).value).toEqual([false, 0]);
    const lazily = await results(a);
    expect((await textRows(a)).value).toEqual([true, 24]);
    // The same archive, its index built by a search from the start.
    expect(await results(b)).toEqual(lazily);
    const memory = await results(b, { RELEASES_INDEX: 'off' });
    expect(memory.map((r) => (r as unknown[]).slice(0, 2))).toEqual(lazily.map((r) => (r as unknown[]).slice(0, 2)));
  });

  it('is kept up to date once built, and built again after a write without text', async () => {
    const archive = fresh();
    await results(archive);
    const file = path.join(archive, '2020/2020-05-05-pandemija.md');
    writeFileSync(file, '---\ntitle: Пандемија\ndate: 2020-05-05\n---\nКсилофон.\n');
    let run = await searchArchive(archive, 'ksilofon', NO_FILTERS, undefined);
    expect(run.outcome.hits.map((h) => h.release.id)).toEqual(['2020-05-05-pandemija']);
    // A row written without its text (parsed while the table was not built) empties the table.
    await withIndex(archive, {}, (index) => {
      const found = scanReleaseFiles(archive).files.find((f) => f.path.endsWith('pandemija.md'))!;
      index!.replace([toRow(found, parseFromDisk(found), false)], []);
    });
    expect((await textRows(archive)).value).toEqual([false, 0]);
    run = await searchArchive(archive, 'ksilofon', NO_FILTERS, undefined);
    expect(run.outcome.hits.map((h) => h.release.id)).toEqual(['2020-05-05-pandemija']);
    expect((await textRows(archive)).value).toEqual([true, 24]);
  });

  it('is built again when another process empties it between the build and the search', async () => {
    const archive = fresh();
    const expected = (await searchArchive(archive, 'ОБСЕ', NO_FILTERS, undefined)).outcome.hits.map((h) => h.release.id).sort();
    expect(expected).toHaveLength(5);
    for (const [times, engine] of [
      [2, 'index'],
      [99, 'memory'],
    ] as const) {
      // As a first list in another process does: rows written without their text empty the table.
      await withIndex(archive, {}, (index) => index!.db.exec("DELETE FROM meta WHERE key = 'text'; DELETE FROM fts"));
      const run = await searchArchive(archive, 'ОБСЕ', NO_FILTERS, undefined, { loader: emptiedBeforeReads(times) });
      expect(run.engine).toBe(engine);
      expect(run.outcome.hits.map((h) => h.release.id).sort()).toEqual(expected);
    }
  });
});

type Transaction = ((...a: unknown[]) => unknown) & { deferred: unknown; immediate: unknown; exclusive: unknown };

/**
 * better-sqlite3, but the first `times` read transactions (a plain call of `transaction`)
 * start after another connection has emptied the full-text table: what a concurrent write
 * of rows without their text does.
 */
function emptiedBeforeReads(times: number) {
  let left = times;
  return async () => {
    const Sqlite = (await loadBetterSqlite()) as unknown as new (
      file: string,
      o?: object,
    ) => {
      name: string;
      transaction(fn: (...a: unknown[]) => unknown): Transaction;
    };
    class Emptied extends Sqlite {
      transaction(fn: (...a: unknown[]) => unknown): Transaction {
        const tx = super.transaction(fn);
        const emptied = (...a: unknown[]) => {
          if (left-- > 0) {
            const other = new Sqlite(this.name) as unknown as { exec(sql: string): void; close(): void };
            other.exec("BEGIN IMMEDIATE; DELETE FROM meta WHERE key = 'text'; DELETE FROM fts; COMMIT");
            other.close();
          }
          return tx(...a);
        };
        return Object.assign(emptied, { deferred: tx.deferred, immediate: tx.immediate, exclusive: tx.exclusive });
      }
    }
    return Emptied as unknown as DatabaseConstructor;
  };
}
