import { createRequire } from 'node:module';
/**
 * The part of better-sqlite3 the index uses, and how it is loaded. better-sqlite3 is a
 * native module: when it was installed without its build step (npm 11 skips install
 * scripts it was not told to trust) it cannot load, and search falls back to memory.
 */

/** A prepared statement. */
export interface Statement {
  run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  iterate(...params: unknown[]): IterableIterator<unknown>;
  pluck(on?: boolean): Statement;
  raw(on?: boolean): Statement;
}

/** An open database. */
export interface Database {
  prepare(sql: string): Statement;
  exec(sql: string): void;
  pragma(sql: string, options?: { simple?: boolean }): unknown;
  transaction<A extends unknown[], R>(fn: (...args: A) => R): ((...args: A) => R) & { immediate: (...args: A) => R };
  close(): void;
  readonly open: boolean;
  /** True between BEGIN and COMMIT (a rebuild holds one open across its work). */
  readonly inTransaction: boolean;
}

/** Opens a database file; better-sqlite3's default export has this shape. */
export type DatabaseConstructor = new (
  file: string,
  options?: { timeout?: number; readonly?: boolean; fileMustExist?: boolean },
) => Database;

/** Loads the SQLite binding, or returns null when it is missing or not built. */
export type SqliteLoader = () => Promise<DatabaseConstructor | null>;

// A variable, so that TypeScript does not look for type declarations of the package.
const MODULE = 'better-sqlite3';

/**
 * The real loader: better-sqlite3 when it loads, else null (never throws). Through
 * `require`: an `import` of a CommonJS package first scans its source for names to export
 * (cjs-module-lexer, set up at its first use), a cost paid before every command that reads
 * the index.
 */
export const loadBetterSqlite: SqliteLoader = async () => {
  try {
    const Sqlite = createRequire(import.meta.url)(MODULE) as DatabaseConstructor;
    // Opening a database is what fails when the native part was never compiled.
    new Sqlite(':memory:').close();
    return Sqlite;
  } catch {
    return null;
  }
};

/** A loader that reports the module as missing, as on an install whose build step did not run. */
export const noSqlite: SqliteLoader = async () => null;

/**
 * The loader to use: `RELEASES_INDEX=off` (or `memory`) turns the index off, for read-only
 * disks and for testing the fallback; otherwise better-sqlite3.
 */
export function sqliteLoaderFor(env: Record<string, string | undefined>): SqliteLoader {
  const mode = env.RELEASES_INDEX?.toLowerCase();
  return mode === 'off' || mode === 'memory' || mode === '0' ? noSqlite : loadBetterSqlite;
}
