import { statSync } from 'node:fs';
import type { Filters } from '../filters.js';
import { cachedArchiveConfig } from './archive-config.js';
import { searchIndex } from '../search/sqlite-engine.js';
import { searchMemory } from '../search/memory-engine.js';
import { isBusy } from './busy.js';
import { BUSY_WAIT_MS, beginRebuild, cacheDirFor, indexFileFor, isCorruption, openIndexDb, removeIndexFile } from './open.js';
import type { SearchOutcome } from '../search/plan.js';
import { type DatabaseConstructor, sqliteLoaderFor, type SqliteLoader } from './sqlite.js';
import { ArchiveIndex, type RefreshStats } from './store.js';
import type { StampFn } from './stamp.js';
import { ensureText, hasText } from './text-index.js';
import { firstErrors, refusedInIndex, skippedInArchive } from './skipped.js';
import type { Issue } from '../types.js';

/** Where the index is and how SQLite is loaded. */
export interface IndexOptions {
  /** `--cache-dir`; otherwise `RELEASES_CACHE_DIR`, otherwise `.releases/` next to the archive. */
  cacheDir?: string;
  env?: Record<string, string | undefined>;
  /** Injected in tests; by default better-sqlite3 (or none with `RELEASES_INDEX=off`). */
  loader?: SqliteLoader;
  /** Delete the index first and build it again. */
  rebuild?: boolean;
  /** How the index's freshness check stats files (default `statSync`). */
  stamp?: StampFn;
  /** How long to wait for another process's write, in ms (default 15 s; tests shorten it). */
  busyWaitMs?: number;
}

/** An open index, or why there is none; `warnings` are for stderr. */
export interface OpenedIndex {
  index: ArchiveIndex | null;
  file: string;
  warnings: string[];
}

/**
 * Opens the index of an archive. Never throws for index trouble: without better-sqlite3,
 * or with a cache folder that cannot be written, `index` is null and commands read the
 * files instead. `damaged`: SQLite found the index damaged part-way, so its files are
 * deleted first (`--rebuild` alone empties it in place, in a transaction that `withIndex`
 * commits).
 */
export async function openArchiveIndex(archiveDir: string, o: IndexOptions = {}, damaged = false): Promise<OpenedIndex> {
  const file = indexFileFor(cacheDirFor(archiveDir, o.cacheDir, o.env), archiveDir);
  const Sqlite = await (o.loader ?? sqliteLoaderFor(o.env ?? {}))();
  if (!Sqlite) return { index: null, file, warnings: [] };
  try {
    if (damaged) removeIndexFile(file);
    const waitMs = o.busyWaitMs ?? BUSY_WAIT_MS;
    const { db, warning } = o.rebuild && !damaged ? openEmptied(Sqlite, file, waitMs) : openIndexDb(Sqlite, file, waitMs);
    return { index: new ArchiveIndex(db, file, o.stamp), file, warnings: warning ? [warning] : [] };
  } catch (e) {
    return { index: null, file, warnings: [unusableWarning(file, e, o)] };
  }
}

function unusableWarning(file: string, e: unknown, o: IndexOptions): string {
  if (!isBusy(e)) return `the search index ${file} cannot be used (${(e as Error).message}): reading the files instead`;
  const secs = Math.round((o.busyWaitMs ?? BUSY_WAIT_MS) / 1000);
  const what = o.rebuild ? 'so it was not rebuilt' : 'so the files are read instead';
  return `another releases process kept the search index ${file} locked for over ${secs} s, ${what}: run the command again once that process has finished`;
}

/**
 * The index at `file`, emptied inside an open write transaction (`beginRebuild`), which
 * `withIndex` commits; when it is too damaged to empty, its files are deleted first.
 */
function openEmptied(Sqlite: DatabaseConstructor, file: string, waitMs: number): ReturnType<typeof openIndexDb> {
  let opened: ReturnType<typeof openIndexDb> | undefined;
  try {
    opened = openIndexDb(Sqlite, file, waitMs);
    beginRebuild(opened.db);
    return opened;
  } catch (e) {
    opened?.db.close();
    if (!isCorruption(e)) throw e;
    removeIndexFile(file);
    return openIndexDb(Sqlite, file, waitMs);
  }
}

/**
 * Runs `work` on the index; when SQLite reports the file damaged part-way, the index is
 * deleted, rebuilt once and `work` runs again.
 */
export async function withIndex<T>(
  archiveDir: string,
  o: IndexOptions,
  work: (index: ArchiveIndex | null) => Promise<T> | T,
): Promise<{ value: T; warnings: string[] }> {
  const opened = await openArchiveIndex(archiveDir, o);
  try {
    const value = await work(opened.index);
    // A rebuild's transaction (`openEmptied`): an error or a kill before this leaves the old index.
    if (opened.index?.db.inTransaction) opened.index.db.exec('COMMIT');
    return { value, warnings: opened.warnings };
  } catch (e) {
    if (!opened.index || !isCorruption(e)) throw e;
    opened.index.close();
    const again = await openArchiveIndex(archiveDir, o, true);
    try {
      return {
        value: await work(again.index),
        warnings: [...opened.warnings, `the search index ${opened.file} was damaged (${(e as Error).message}), so it was rebuilt`],
      };
    } finally {
      again.index?.close();
    }
  } finally {
    opened.index?.close();
  }
}

/** How many times a search builds the full-text table that other processes emptied, before it reads the files instead. */
const TEXT_ATTEMPTS = 5;

/** A search and how it was run. */
export interface SearchRun {
  outcome: SearchOutcome;
  engine: 'index' | 'memory';
  refreshed?: RefreshStats;
  warnings: string[];
  /** The first error of each file the search skipped (it cannot be read), sorted by file. */
  skipped: Issue[];
}

/**
 * Searches an archive: through the index (brought up to date first) when SQLite is
 * available, else over the files read into memory, with the same results.
 */
export async function searchArchive(
  dir: string,
  query: string,
  flags: Filters,
  limit: number | undefined,
  o: IndexOptions = {},
): Promise<SearchRun> {
  // The loader (fast-glob, gray-matter) is only needed for its error message or the fallback.
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) await (await import('../archive.js')).assertArchiveDir(dir);
  const inMemory = async (): Promise<Omit<SearchRun, 'warnings'>> => {
    const { loadArchive } = await import('../archive.js');
    const archive = await loadArchive(dir);
    return { outcome: searchMemory(archive, query, flags, limit), engine: 'memory', skipped: skippedInArchive(archive) };
  };
  const { value, warnings } = await withIndex(dir, o, async (index): Promise<Omit<SearchRun, 'warnings'>> => {
    if (!index) return inMemory();
    const refreshed = await index.refresh(dir, o.env?.RELEASES_INDEX_CHECK === 'folders');
    const { settings, registry, issues } = cachedArchiveConfig(index, dir);
    for (let attempt = 0; attempt < TEXT_ATTEMPTS; attempt++) {
      await ensureText(index.db, dir);
      // One read transaction: a snapshot, so another process's write cannot remove rows between
      // ranking and reading them back. In it the full-text table must still be built: a
      // process writing rows without their text (a first list) empties it, and a search
      // of the emptied table would find nothing.
      const found = index.db.transaction((): [SearchOutcome, Issue[]] | null =>
        hasText(index.db)
          ? [
              searchIndex(index, query, { flags, settings, registry, limit, dir: dir.replace(/[/\\]+$/, '') || dir }),
              refusedInIndex(index.db, issues),
            ]
          : null,
      )();
      if (found) return { outcome: found[0], engine: 'index', refreshed, skipped: firstErrors(found[1], () => false) };
    }
    // Other processes kept emptying it: the files themselves give the same answer.
    return inMemory();
  });
  return { ...value, warnings };
}
