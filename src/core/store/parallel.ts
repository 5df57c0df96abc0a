import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { FoundFile } from '../files.js';
import type { IndexRow } from './rows.js';

const BATCH = 100;

/** A release to fold for the full-text table: rowid, its file's path in the archive, its stored JSON (see text-index.ts). */
export type TextJob = [rowid: number, path: string, json: string];
/** Its folded columns. */
export type TextRow = [rowid: number, folded: string[]];

/**
 * Runs `jobs` in batches on worker threads (parse-worker.js), one per core, handing each
 * batch of results to `take` as it arrives (the caller writes to SQLite while the workers
 * go on). Returns false, having done nothing, when workers cannot be started here (e.g.
 * running from TypeScript sources). `meanwhile`: work for this thread while the workers start.
 */
async function inWorkers<J, R>(
  jobs: J[],
  data: Record<string, unknown>,
  take: (results: R[]) => void,
  meanwhile?: () => void,
): Promise<boolean> {
  const script = new URL('./parse-worker.js', import.meta.url);
  if (script.protocol !== 'file:' || !existsSync(fileURLToPath(script))) return false;
  const count = Math.max(1, Math.min(availableParallelism(), 8, Math.ceil(jobs.length / BATCH)));
  // Loaded here, not with the index: worker_threads costs ~10 ms at each start, and a search
  // of an unchanged archive never parses.
  const { Worker } = await import('node:worker_threads');
  let next = 0;
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      const send = () => {
        if (next >= jobs.length) return resolve();
        worker.postMessage(jobs.slice(next, (next += BATCH)));
      };
      worker.on('message', (results: R[]) => {
        try {
          take(results);
          send();
        } catch (e) {
          reject(e);
        }
      });
      worker.on('error', reject);
      send();
    });
  const workers = Array.from({ length: count }, () => new Worker(script, { workerData: data }));
  try {
    const done = Promise.all(workers.map(run));
    // While the workers start and work on their first batches, this thread would only wait.
    try {
      meanwhile?.();
    } catch (e) {
      done.catch(() => {}); // the error thrown here is the one to report
      throw e;
    }
    await done;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return true;
}

/**
 * Parses files on worker threads, handing each batch of rows to `write` as it arrives:
 * parsing the YAML front matter is most of the time of a first index build. `text`: rows
 * with their folded text; `meanwhile`: work for this thread while the workers start.
 */
export function parseInWorkers(
  files: FoundFile[],
  write: (rows: IndexRow[]) => void,
  text = true,
  meanwhile?: () => void,
): Promise<boolean> {
  return inWorkers(files, { task: 'parse', text }, write, meanwhile);
}

/**
 * Gathers what workers hand back in batches of 100 into batches of `size` for `take`:
 * SQLite (FTS5 above all) writes one transaction of 2,000 rows several times faster than
 * twenty of 100. Call `flush` at the end.
 */
export function gather<T>(size: number, take: (items: T[]) => void): { push: (items: T[]) => void; flush: () => void } {
  let held: T[] = [];
  const flush = () => {
    if (!held.length) return;
    const items = held;
    held = [];
    take(items);
  };
  return {
    push: (items) => {
      for (const item of items) held.push(item);
      if (held.length >= size) flush();
    },
    flush,
  };
}

/** Reads and folds releases for the full-text table on worker threads (see `inWorkers`). */
export function foldInWorkers(dir: string, jobs: TextJob[], take: (rows: TextRow[]) => void): Promise<boolean> {
  return inWorkers(jobs, { task: 'fold', dir }, take);
}
