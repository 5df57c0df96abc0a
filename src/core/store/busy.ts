/** True when SQLite gave up waiting for another process's lock (`SQLITE_BUSY` and its extended codes). */
export function isBusy(e: unknown): boolean {
  return ((e as { code?: string })?.code ?? '').startsWith('SQLITE_BUSY');
}

const pauseCell = new Int32Array(new SharedArrayBuffer(4));

/**
 * Runs `step`, and again while SQLite answers `SQLITE_BUSY`, for up to `waitMs`, pausing a
 * little longer each time (2 ms up to 50 ms); the last `SQLITE_BUSY` is thrown after that.
 * Only for steps SQLite does not wait on by itself: it skips the busy handler where waiting
 * could deadlock, e.g. switching a new file to WAL while another process holds the file's
 * rollback-journal write lock, which fails at once however long busy_timeout is.
 */
export function retryWhileBusy<T>(step: () => T, waitMs: number, now: () => number = () => performance.now()): T {
  const deadline = now() + waitMs;
  for (let pauseMs = 2; ; pauseMs = Math.min(pauseMs * 2, 50)) {
    try {
      return step();
    } catch (e) {
      if (!isBusy(e) || now() + pauseMs > deadline) throw e;
      // A synchronous pause: the index is opened synchronously, and nothing else is waiting.
      Atomics.wait(pauseCell, 0, 0, pauseMs);
    }
  }
}
