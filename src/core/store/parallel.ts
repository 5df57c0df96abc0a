import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FoundFile } from '../files.js';
import type { IndexRow } from './rows.js';

const BATCH = 100;

/**
 * Parses files on worker threads, one per core, handing each batch of rows to `write` as it
 * arrives (the caller writes to SQLite while the workers go on parsing): parsing the YAML
 * front matter is most of the time of a first index build. `text`: rows with their folded text;
 * `meanwhile`: work for this thread while the workers start. Returns false, having done
 * nothing, when workers cannot be started here (e.g. running from TypeScript sources).
 */
export async function parseInWorkers(
  files: FoundFile[],
  write: (rows: IndexRow[]) => void,
  text = true,
  meanwhile?: () => void,
): Promise<boolean> {
  const script = new URL('./parse-worker.js', import.meta.url);
  if (script.protocol !== 'file:' || !existsSync(fileURLToPath(script))) return false;
  const count = Math.max(1, Math.min(availableParallelism(), 8, Math.ceil(files.length / BATCH)));
  let next = 0;
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      const send = () => {
        if (next >= files.length) return resolve();
        worker.postMessage(files.slice(next, (next += BATCH)));
      };
      worker.on('message', (rows: IndexRow[]) => {
        try {
          write(rows);
          send();
        } catch (e) {
          reject(e);
        }
      });
      worker.on('error', reject);
      send();
    });
  const workers = Array.from({ length: count }, () => new Worker(script, { workerData: { text } }));
  try {
    const done = Promise.all(workers.map(run));
    // While the workers start and parse their first batches, this thread would only wait.
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
