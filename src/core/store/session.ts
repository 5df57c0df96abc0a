import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Filters } from '../filters.js';
import { type ArchiveConfig, parseArchiveConfig } from '../config.js';
import { Registry, type SavedRegistry } from '../registry.js';
import type { ArchiveSettings, Issue, RegistryPartner } from '../types.js';
import { searchIndex } from '../search/sqlite-engine.js';
import { searchMemory } from '../search/memory-engine.js';
import { beginRebuild, cacheDirFor, indexFileFor, isCorruption, openIndexDb, removeIndexFile } from './open.js';
import type { SearchOutcome } from '../search/plan.js';
import { type DatabaseConstructor, sqliteLoaderFor, type SqliteLoader } from './sqlite.js';
import { ArchiveIndex, type RefreshStats } from './store.js';
import type { StampFn } from './stamp.js';
import { ensureText } from './text-index.js';

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
    const { db, warning } = o.rebuild && !damaged ? openEmptied(Sqlite, file) : openIndexDb(Sqlite, file);
    return { index: new ArchiveIndex(db, file, o.stamp), file, warnings: warning ? [warning] : [] };
  } catch (e) {
    return {
      index: null,
      file,
      warnings: [`the search index ${file} cannot be used (${(e as Error).message}): reading the files instead`],
    };
  }
}

/**
 * The index at `file`, emptied inside an open write transaction (`beginRebuild`), which
 * `withIndex` commits; when it is too damaged to empty, its files are deleted first.
 */
function openEmptied(Sqlite: DatabaseConstructor, file: string): ReturnType<typeof openIndexDb> {
  let opened: ReturnType<typeof openIndexDb> | undefined;
  try {
    opened = openIndexDb(Sqlite, file);
    beginRebuild(opened.db);
    return opened;
  } catch (e) {
    opened?.db.close();
    if (!isCorruption(e)) throw e;
    removeIndexFile(file);
    return openIndexDb(Sqlite, file);
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

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** The archive's settings and partner registry, with their problems (for `check`, and for read commands to name). */
export function readArchiveConfig(dir: string): ArchiveConfig {
  const settingsText = readText(path.join(dir, 'archive.yml'));
  const registryText = readText(path.join(dir, 'partners.yml'));
  return parseArchiveConfig(settingsText, registryText);
}

/** What the index keeps of the settings and registry (meta 'config'). */
interface CachedConfig {
  stamp: string;
  settings: ArchiveSettings;
  partners: RegistryPartner[];
  /** Absent in rows written before it was kept: then the files are read again. */
  names?: SavedRegistry;
  issues: Issue[];
}

/**
 * The settings and registry through the index: parsing a registry of a few hundred
 * partners with the YAML parser costs more than a whole search, so the result is kept in
 * the index, its names folded, and used while both files keep their size and mtime.
 */
export function cachedArchiveConfig(index: ArchiveIndex, dir: string): ArchiveConfig {
  const stamp = ['archive.yml', 'partners.yml']
    .map((f) => {
      const st = statSync(path.join(dir, f), { throwIfNoEntry: false });
      return st ? `${st.size}:${st.mtimeMs}` : '-';
    })
    .join(' ');
  const row = index.db.prepare("SELECT value FROM meta WHERE key = 'config'").pluck().get() as string | undefined;
  if (row) {
    const saved = JSON.parse(row) as CachedConfig;
    if (saved.stamp === stamp && saved.names)
      return { settings: saved.settings, registry: new Registry(saved.partners, saved.names), issues: saved.issues };
  }
  const config = readArchiveConfig(dir);
  const { settings, registry, issues } = config;
  const value = JSON.stringify({ stamp, settings, partners: registry.partners, names: registry.saved(), issues } satisfies CachedConfig);
  index.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('config', ?)").run(value);
  return config;
}

/** A search and how it was run. */
export interface SearchRun {
  outcome: SearchOutcome;
  engine: 'index' | 'memory';
  refreshed?: RefreshStats;
  warnings: string[];
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
  const { value, warnings } = await withIndex(dir, o, async (index): Promise<Omit<SearchRun, 'warnings'>> => {
    if (!index) {
      const { loadArchive } = await import('../archive.js');
      const archive = await loadArchive(dir);
      return { outcome: searchMemory(archive, query, flags, limit), engine: 'memory' };
    }
    const refreshed = await index.refresh(dir, o.env?.RELEASES_INDEX_CHECK === 'folders');
    await ensureText(index.db, dir);
    const { settings, registry } = cachedArchiveConfig(index, dir);
    // One read transaction: a snapshot, so another process's write cannot remove rows between
    // ranking and reading them back.
    const outcome = index.db.transaction(() =>
      searchIndex(index, query, { flags, settings, registry, limit, dir: dir.replace(/[/\\]+$/, '') || dir }),
    )();
    return { outcome, engine: 'index', refreshed };
  });
  return { ...value, warnings };
}
