import type { FileResult, Issue, Release } from '../types.js';
import { releaseFrom, type ReleaseFields } from './documents.js';
import type { Database } from './sqlite.js';

// Every stored parse result as one JSON text: reading 10k rows and parsing 10k JSON texts
// was most of a `list` on an unchanged archive; one text and one JSON.parse cost a fraction.
// It is kept for one generation of the index (meta 'generation' grows with every write of
// files or docs), so any change voids it, and the next command that reads every result
// writes it again.

type Row = [path: string, release: unknown[] | null, issues: Issue[] | null];

const generationOf = (db: Database) => Number(db.prepare("SELECT value FROM meta WHERE key = 'generation'").pluck().get() ?? 0);

/**
 * Every stored parse result, bodies left empty (see `ArchiveIndex.results`), from the
 * snapshot when it is current; else from the rows, and the snapshot is written for next time.
 */
export function allResults(db: Database, make?: (...fields: ReleaseFields) => Release): FileResult[] {
  // One read transaction: the generation and the snapshot (or the rows) from the same state.
  const read = db.transaction(() => {
    const generation = generationOf(db);
    const snap = db.prepare('SELECT data FROM snapshot WHERE id = 1 AND generation = ?').pluck().get(generation) as string | undefined;
    if (snap !== undefined) return { generation, text: snap, fresh: false };
    const rows = db
      .prepare('SELECT files.path, docs.result, docs.issues FROM files JOIN docs ON docs.rowid = files.rowid')
      .raw()
      .iterate() as IterableIterator<[string, string | null, string | null]>;
    const parts: string[] = [];
    for (const [path, release, issues] of rows) parts.push(`[${JSON.stringify(path)},${release ?? 'null'},${issues ?? 'null'}]`);
    return { generation, text: `[${parts.join(',')}]`, fresh: true };
  });
  const { generation, text, fresh } = read();
  if (fresh) save(db, generation, text);
  const out: FileResult[] = [];
  for (const [path, release, issues] of JSON.parse(text) as Row[]) {
    out.push({ path, release: release === null ? null : releaseFrom(path, release, make), issues: issues ?? [] });
  }
  return out;
}

/** Stores the snapshot unless another process wrote meanwhile (a cache: failing to write it is no error). */
function save(db: Database, generation: number, text: string): void {
  try {
    db.transaction(() => {
      if (generationOf(db) !== generation) return;
      db.prepare('INSERT OR REPLACE INTO snapshot (id, generation, data) VALUES (1, ?, ?)').run(generation, text);
    }).immediate();
  } catch (e) {
    if ((e as { code?: string })?.code?.startsWith('SQLITE_BUSY') || (e as { code?: string })?.code === 'SQLITE_READONLY') return;
    throw e;
  }
}
