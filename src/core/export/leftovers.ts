import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ReleasesError } from '../errors.js';

/** Hidden files left by a killed run are cleared once they are this old. */
export const STALE_MS = 60 * 60 * 1000;
/** A running build touches its marker this often; one untouched for LIVE_MS belongs to a dead run. */
const HEARTBEAT_MS = 2_000;
const LIVE_MS = 10_000;

const ageOf = async (p: string): Promise<number | null> => {
  const stats = await fs.lstat(p).catch(() => null);
  return stats ? Date.now() - stats.mtimeMs : null;
};

/** Removes entries of `dir` whose names start with `prefix` and that `stale` says are left over. */
export async function clearLeftovers(dir: string, prefix: string, stale: (abs: string) => Promise<boolean>): Promise<void> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.startsWith(prefix))) {
    const abs = path.join(dir, name);
    if (await stale(abs)) await fs.rm(abs, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** True when a file is older than `ms` (false when it is gone). */
export async function olderThan(p: string, ms: number): Promise<boolean> {
  const age = await ageOf(p);
  return age !== null && age > ms;
}

/** True when a build folder's marker has not been touched for a while: its run is dead. */
export async function deadBuild(folder: string, marker: string): Promise<boolean> {
  const age = await ageOf(path.join(folder, marker));
  return age === null ? await olderThan(folder, STALE_MS) : age > LIVE_MS;
}

/** Touches `file` every few seconds while a build runs, so no other run takes it for dead. */
export function heartbeat(file: string): () => void {
  const timer = setInterval(() => {
    const now = new Date();
    fs.utimes(file, now, now).catch(() => undefined);
  }, HEARTBEAT_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Runs `fn` holding a lock file (created with `wx`, so one holder at a time) that it keeps
 * touching. Waits for a live holder; takes over a lock a killed run left (untouched for LIVE_MS).
 */
export async function withLock<T>(lock: string, fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  for (;;) {
    const handle = await fs.open(lock, 'wx').catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'EEXIST') throw e;
      return null;
    });
    if (handle) {
      await handle.close();
      break;
    }
    if (await olderThan(lock, LIVE_MS)) await fs.rm(lock, { force: true });
    else if (Date.now() - started > 60 * LIVE_MS)
      throw new ReleasesError(`another export holds ${lock}`, 1, 'wait for it to finish, or delete the lock file if no export is running');
    else await new Promise((r) => setTimeout(r, 50));
  }
  const stop = heartbeat(lock);
  try {
    return await fn();
  } finally {
    stop();
    await fs.rm(lock, { force: true });
  }
}
