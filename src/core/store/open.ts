import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { VERSION as TOOL_VERSION } from '../version.js';
import { isBusy, retryWhileBusy } from './busy.js';
import type { Database, DatabaseConstructor } from './sqlite.js';

/** Bumped whenever the tables or what goes into them change: an older index is rebuilt. */
export const SCHEMA_VERSION = 9;
const APP = 'releases-index';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
  rowid INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  size INTEGER NOT NULL,
  mtime REAL NOT NULL,
  rid TEXT,
  lang TEXT,
  tkey TEXT,
  -- The generation (meta) that wrote the row: what changed since a snapshot (snapshot-file.ts).
  gen INTEGER NOT NULL DEFAULT 0
);
-- The parse result without the release's body (list, show and partners never need all
-- bodies; show and snippets read the few they need from the files).
CREATE TABLE IF NOT EXISTS docs (rowid INTEGER PRIMARY KEY, result TEXT, issues TEXT);
CREATE TABLE IF NOT EXISTS dirs (path TEXT PRIMARY KEY, mtime REAL NOT NULL, listing TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS files_rid ON files(rid);
CREATE INDEX IF NOT EXISTS files_tkey ON files(tkey);
CREATE INDEX IF NOT EXISTS files_gen ON files(gen);
-- Filled only when meta 'text' is '1' (see text-index.ts): the first search builds it.
-- A table that keeps its (folded) text: a contentless one cannot take back a deleted row's
-- token counts, so BM25 drifts after every edit (measured with SQLite 3.53).
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
  title, partners, people, tags, location, summary, body,
  tokenize='unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE IF NOT EXISTS vocab USING fts5vocab(fts, 'row');
`;

/** The index's folder: `--cache-dir`, else `RELEASES_CACHE_DIR`, else `.releases/` next to the archive. */
export function cacheDirFor(archiveDir: string, option?: string, env: Record<string, string | undefined> = {}): string {
  const given = option ?? env.RELEASES_CACHE_DIR;
  return given ? path.resolve(given) : path.join(path.dirname(path.resolve(archiveDir)), '.releases');
}

/**
 * The index file of an archive inside a cache folder: named after the archive and a hash
 * of its full path, so one cache folder can serve several archives.
 */
export function indexFileFor(cacheDir: string, archiveDir: string): string {
  const full = path.resolve(archiveDir);
  const hash = createHash('sha256').update(full).digest('hex').slice(0, 10);
  const name = path.basename(full).replace(/[^\w.-]+/g, '_') || 'archive';
  return path.join(cacheDir, `${name}-${hash}.sqlite`);
}

/** What is added to an index file's name to name its snapshot (snapshot-file.ts). */
export const SNAPSHOT_SUFFIX = '-list';

/** What is added to an index file's name to name its cached output (output-cache.ts). */
export const OUTPUT_SUFFIX = '-output';

/** Removes an index file, its WAL companions, its snapshot and its cached output. */
export function removeIndexFile(file: string): void {
  for (const suffix of ['', '-wal', '-shm', SNAPSHOT_SUFFIX, OUTPUT_SUFFIX]) rmSync(file + suffix, { force: true });
}

function metaValue(db: Database, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

/** Why an existing file cannot be used as this index, or null when it can (or is empty). */
function unusable(db: Database): string | null {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  if (tables.length === 0) return null;
  if (!tables.includes('meta')) return 'it is not a releases index';
  if (metaValue(db, 'app') !== APP) return 'it is not a releases index';
  const version = metaValue(db, 'schema_version');
  if (version !== String(SCHEMA_VERSION)) return `it was written by another version of releases (format ${version ?? '?'})`;
  // The index stores what the parser made of each file (issues included, which `check`
  // reuses): another release of the tool may parse differently, so its index is rebuilt.
  const tool = metaValue(db, 'tool_version');
  if (tool !== TOOL_VERSION) return `it was written by another version of releases (${tool ?? 'older'}, this is ${TOOL_VERSION})`;
  return null;
}

/** How long a process waits for another one's write to the index (SQLite's busy_timeout), in ms. */
export const BUSY_WAIT_MS = 15_000;

function connect(Sqlite: DatabaseConstructor, file: string, waitMs: number): Database {
  const db = new Sqlite(file, { timeout: waitMs });
  try {
    retryWhileBusy(() => db.pragma('journal_mode = WAL'), waitMs);
    db.pragma('synchronous = NORMAL');
    db.pragma('cache_size = -32768');
    db.pragma('temp_store = MEMORY');
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/**
 * Opens (creating when needed) the index database at `file`. A file that is corrupt,
 * foreign or of another schema version is replaced by an empty index; `warning` says so.
 */
export function openIndexDb(Sqlite: DatabaseConstructor, file: string, waitMs = BUSY_WAIT_MS): { db: Database; warning?: string } {
  mkdirSync(path.dirname(file), { recursive: true });
  let warning: string | undefined;
  let db: Database | undefined;
  try {
    db = connect(Sqlite, file, waitMs);
    const why = unusable(db);
    if (why) {
      db.close();
      db = undefined;
      warning = `the search index ${file} was replaced because ${why}`;
    }
  } catch (e) {
    db?.close();
    // Another process is writing it: its files must not be deleted from under it.
    if (isBusy(e)) throw e;
    db = undefined;
    warning = `the search index ${file} could not be read (${(e as Error).message}), so it was rebuilt`;
  }
  if (!db) {
    removeIndexFile(file);
    db = connect(Sqlite, file, waitMs);
  }
  const create = db.transaction(() => {
    // Checked again under the write lock: another process may have just created it.
    if (db!.prepare("SELECT 1 FROM sqlite_master WHERE name = 'meta'").get() && metaValue(db!, 'app') === APP) return;
    createTables(db!);
  });
  create.immediate();
  return { db, warning };
}

function createTables(db: Database): void {
  db.exec(SCHEMA);
  const set = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
  set.run('app', APP);
  set.run('schema_version', String(SCHEMA_VERSION));
  set.run('tool_version', TOOL_VERSION);
  // Names this index among all indexes ever made at this path: a snapshot of another one is not used.
  set.run('token', randomBytes(8).toString('hex'));
}

/**
 * Begins the write transaction of `index --rebuild` and empties the index inside it; the
 * caller fills it and commits. Other processes meanwhile read the index as it was, whole,
 * and see the new one whole once committed; a killed rebuild leaves the old one. Deleting
 * the files instead would pull them from under processes that have them open: a search
 * then writes into a WAL that the new index no longer reads.
 */
export function beginRebuild(db: Database): void {
  db.exec('BEGIN IMMEDIATE');
  for (const table of ['vocab', 'fts', 'docs', 'dirs', 'files', 'meta']) db.exec(`DROP TABLE IF EXISTS ${table}`);
  createTables(db);
}

/** True for SQLite errors that mean the file is damaged or not a database. */
export function isCorruption(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? '';
  return code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_IOERR');
}
