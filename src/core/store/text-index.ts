import { COLUMNS, foldedColumns, readBody, readRelease } from './documents.js';
import { foldInWorkers, gather, type TextJob, type TextRow } from './parallel.js';
import type { Database } from './sqlite.js';

// The full-text table (fts) is built only when a search first needs it: list, show, check and
// export never read it, and writing it was most of the time of a first run. Meta 'text' = '1'
// says it holds every release; from then on every write keeps it up to date. Until then,
// writes leave it alone (removals still delete their rows from it).

const PAGE = 20_000;
/** Rows per write transaction (see `gather`). */
const WRITE_BATCH = 2000;
/** Below this many releases to fold, starting worker threads costs more than it saves. */
const PARALLEL_FROM = 300;

/** Whether the full-text table holds every release. */
export function hasText(db: Database): boolean {
  return db.prepare("SELECT 1 FROM meta WHERE key = 'text' AND value = '1'").get() !== undefined;
}

/** Empties the full-text table and marks it as not built (inside the caller's write transaction). */
export function clearText(db: Database): void {
  db.exec("DELETE FROM meta WHERE key = 'text'");
  db.exec('DELETE FROM fts');
}

/** The folded columns of a stored release, its body read from its file (as `toRow` folds it). */
export function foldedText(dir: string, path: string, json: string): string[] {
  const r = readRelease(path, json);
  r.body = readBody(`${dir}/${path}`, r.bodyLine);
  return foldedColumns(r);
}

// Readable releases not yet in the table, with what identifies the file's version.
const MISSING =
  'SELECT files.rowid, files.path, docs.result, files.size, files.mtime FROM files JOIN docs ON docs.rowid = files.rowid ' +
  'WHERE files.rowid > ? AND docs.result IS NOT NULL AND NOT EXISTS (SELECT 1 FROM fts WHERE fts.rowid = files.rowid) ' +
  'ORDER BY files.rowid LIMIT ?';

/**
 * Builds the full-text table when it is not built: every release read back from the index,
 * its body from its file (call `refresh` first), folded on worker threads when there are
 * many. Written page by page, each in its own short IMMEDIATE transaction, so another
 * process is never kept waiting long; a row that another process replaced meanwhile is
 * skipped, and the table is marked built only once no readable release is missing.
 */
export async function ensureText(db: Database, dir: string): Promise<boolean> {
  if (hasText(db)) return false;
  const missing = db.prepare(MISSING).raw();
  const current = db.prepare('SELECT 1 FROM files WHERE rowid = ? AND path = ? AND size = ? AND mtime = ?');
  const present = db.prepare('SELECT 1 FROM fts WHERE rowid = ?');
  const add = db.prepare(`INSERT INTO fts (rowid, ${COLUMNS.join(', ')}) VALUES (?${', ?'.repeat(COLUMNS.length)})`);
  const root = dir.replace(/[/\\]+$/, '') || dir;
  for (;;) {
    let built = false;
    db.transaction(() => {
      if (hasText(db)) built = true;
      else if (missing.get(0, 1) === undefined) {
        db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('text', '1')").run();
        built = true;
      }
    }).immediate();
    if (built) return true;
    for (let last = 0; ; ) {
      const rows = missing.all(last, PAGE) as [number, string, string, number, number][];
      if (!rows.length) break;
      last = rows[rows.length - 1][0];
      const stamp = new Map(rows.map(([rowid, path, , size, mtime]) => [rowid, [path, size, mtime] as const]));
      const write = (folded: TextRow[]) =>
        db
          .transaction(() => {
            for (const [rowid, columns] of folded) {
              const [path, size, mtime] = stamp.get(rowid)!;
              if (current.get(rowid, path, size, mtime) && !present.get(rowid)) add.run(rowid, ...columns);
            }
          })
          .immediate();
      const jobs: TextJob[] = rows.map(([rowid, path, json]) => [rowid, path, json]);
      const batches = gather(WRITE_BATCH, write);
      if (jobs.length < PARALLEL_FROM || !(await foldInWorkers(root, jobs, batches.push)))
        write(jobs.map(([rowid, path, json]): TextRow => [rowid, foldedText(root, path, json)]));
      batches.flush();
    }
  }
}
