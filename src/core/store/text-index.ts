import type { Database } from './sqlite.js';
import { COLUMNS, foldedColumns, readBody, readRelease } from './documents.js';

// The full-text table (fts) is built only when a search first needs it: list, show, check and
// export never read it, and writing it was most of the time of a first run. Meta 'text' = '1'
// says it holds every release; from then on every write keeps it up to date.

const BATCH = 2000;

/** Whether the full-text table holds every release. */
export function hasText(db: Database): boolean {
  return db.prepare("SELECT 1 FROM meta WHERE key = 'text' AND value = '1'").get() !== undefined;
}

/** Empties the full-text table and marks it as not built (inside the caller's write transaction). */
export function clearText(db: Database): void {
  db.exec("DELETE FROM meta WHERE key = 'text'");
  db.exec('DELETE FROM fts');
}

/**
 * Builds the full-text table when it is not built: every release read back from the index,
 * its body from its file (the index matches the files: call `refresh` first), folded as
 * `toRow` folds it. One IMMEDIATE transaction: a second process waits, then finds it built.
 */
export function ensureText(db: Database, dir: string): boolean {
  if (hasText(db)) return false;
  const page = db
    .prepare(
      'SELECT files.rowid, files.path, docs.result FROM files JOIN docs ON docs.rowid = files.rowid WHERE files.rowid > ? AND docs.result IS NOT NULL ORDER BY files.rowid LIMIT ?',
    )
    .raw();
  const add = db.prepare(`INSERT INTO fts (rowid, ${COLUMNS.join(', ')}) VALUES (?${', ?'.repeat(COLUMNS.length)})`);
  return db
    .transaction(() => {
      if (hasText(db)) return false;
      clearText(db);
      for (let last = 0; ; ) {
        // In pages: a statement cannot be read from while another one writes on the connection.
        const rows = page.all(last, BATCH) as [number, string, string][];
        if (!rows.length) break;
        for (const [rowid, path, json] of rows) {
          const r = readRelease(path, json);
          r.body = readBody(`${dir}/${path}`, r.bodyLine);
          add.run(rowid, ...foldedColumns(r));
        }
        last = rows[rows.length - 1][0];
      }
      db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('text', '1')").run();
      return true;
    })
    .immediate();
}
