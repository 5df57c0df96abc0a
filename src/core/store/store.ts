import type { ParseCache } from '../archive.js';
import type { FoundFile } from '../files.js';
import type { FileResult, Release } from '../types.js';
import { deserialize, readBody, type ReleaseFields } from './documents.js';
import { gather, parseInWorkers } from './parallel.js';
import { toRow, type IndexRow } from './rows.js';
import { findChanges } from './changes.js';
import { statStamp, type StampFn } from './stamp.js';
import { hasText } from './text-index.js';
import { writeRows } from './write-rows.js';
import type { Database, Statement } from './sqlite.js';

/** What a refresh did: files parsed anew, index entries removed, files in the archive. */
export interface RefreshStats {
  parsed: number;
  removed: number;
  files: number;
}

const BATCH = 2000;

/** Below this many files to parse, starting worker threads costs more than it saves. */
const PARALLEL_FROM = 300;

/**
 * The persistent index of one archive: every file's parse result keyed by path, size and
 * mtime (a `ParseCache` for `loadArchive`), and the full-text table built from them.
 * Each batch of writes is one IMMEDIATE transaction that replaces rows by path, so two
 * processes never interleave inside a batch, a second one waits (busy_timeout) instead of
 * failing, and whichever writes last leaves a consistent index.
 */
export class ArchiveIndex implements ParseCache {
  private readonly byPath: Statement;

  constructor(
    readonly db: Database,
    readonly file: string,
    /** How `refresh` stats files and folders. */
    private readonly stamp: StampFn = statStamp,
  ) {
    this.byPath = db
      .prepare(
        'SELECT docs.result, docs.issues FROM files JOIN docs ON docs.rowid = files.rowid WHERE files.path = ? AND files.size = ? AND files.mtime = ?',
      )
      .raw();
  }

  /** The stored parse result of a file, when its size and mtime are those indexed (body read from the file). */
  get(file: FoundFile): FileResult | undefined {
    const row = this.byPath.get(file.path, file.size, file.mtimeMs) as [string | null, string | null] | undefined;
    if (!row) return undefined;
    const result = deserialize(file.path, row[0], row[1]);
    if (result.release) result.release.body = readBody(file.absolute, result.release.bodyLine);
    return result;
  }

  /**
   * Every stored parse result (in no particular order), bodies left empty: one statement for the whole
   * archive (not a lookup per file). Call `refresh` first so that they match the files.
   */
  results(make?: (...fields: ReleaseFields) => Release): FileResult[] {
    const out: FileResult[] = [];
    const rows = this.db
      .prepare('SELECT files.path, docs.result, docs.issues FROM files JOIN docs ON docs.rowid = files.rowid')
      .raw()
      .iterate() as IterableIterator<[string, string | null, string | null]>;
    for (const [path, release, issues] of rows) out.push(deserialize(path, release, issues, make));
    return out;
  }

  /** Stores files parsed anew and (given `present`) forgets files that are no longer in the archive. */
  update(fresh: { file: FoundFile; result: FileResult }[], present?: FoundFile[]): void {
    this.write(
      fresh.map(({ file, result }) => toRow(file, result)),
      present,
    );
  }

  /** Writes rows (replacing any of the same path) and forgets the files at the paths `gone`. */
  replace(rows: IndexRow[], gone: string[]): void {
    this.write(rows, undefined, gone);
  }

  /** Writes rows (replacing any of the same path), drops `gone` and, given `present`, the files not in it. */
  private write(rows: IndexRow[], present?: FoundFile[], gone: string[] = []): void {
    const { removed, bumped } = writeRows(this.db, rows, present, gone);
    if (bumped) this.writes++;
    this.lastRemoved = removed;
  }

  private lastRemoved = 0;

  /** Whether the full-text table holds every release (see text-index.ts). */
  hasText(): boolean {
    return hasText(this.db);
  }

  /**
   * Brings the index up to date with the files on disk: lists them (re-reading only
   * folders whose mtime changed), compares every file's size and mtime with the index, and
   * parses only the files that are new or changed. With `trustFolders`, files in unchanged
   * folders are not stat'ed at all (faster on huge archives; misses edits made in place).
   * `meanwhile` runs on this thread while worker threads parse, when they do.
   */
  async refresh(dir: string, trustFolders = false, meanwhile?: () => void): Promise<RefreshStats> {
    const db = this.db;
    const generation = () => Number(db.prepare("SELECT value FROM meta WHERE key = 'generation'").pluck().get() ?? 0);
    const gen0 = generation();
    this.writes = 0;
    const found = findChanges(db, dir, this.stamp, trustFolders);
    if (!('changed' in found)) return { parsed: 0, removed: 0, files: found.files };
    const { changed } = found;
    // Written in batches, so a first run over 100k files never holds them all in memory.
    const { parseFromDisk } = changed.length ? await import('./read.js') : { parseFromDisk: null };
    // The folded text only when the full-text table is kept: a first run leaves it to the first search.
    const text = this.hasText();
    const batches = gather<IndexRow>(BATCH, (rows) => this.write(rows));
    const inWorkers = changed.length >= PARALLEL_FROM && (await parseInWorkers(changed, batches.push, text, meanwhile));
    batches.flush();
    for (let i = 0; !inWorkers && i < changed.length; i += BATCH) {
      this.write(changed.slice(i, i + BATCH).map((file) => toRow(file, parseFromDisk!(file), text)));
    }
    this.lastRemoved = 0;
    if (found.stale) this.update([], found.present);
    found.saveListings();
    // Only when no other process wrote meanwhile does the index match this scan exactly.
    db.transaction(() => {
      if (generation() !== gen0 + this.writes) return;
      const put = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
      put.run('fingerprint', found.print);
      if (found.lastScan) put.run('scan', found.lastScan);
      else db.exec("DELETE FROM meta WHERE key = 'scan'");
    }).immediate();
    return { parsed: changed.length, removed: this.lastRemoved, files: found.files };
  }

  private writes = 0;

  /** Closes the database. */
  close(): void {
    if (this.db.open) this.db.close();
  }
}
