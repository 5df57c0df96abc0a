/**
 * A function to await after each file written: once `ms` have passed since the last pause it
 * lets timers and I/O run (the lock's heartbeat, which other runs watch, and the progress bar).
 */
export function yieldEvery(ms: number): () => Promise<void> | undefined {
  let last = Date.now();
  return () => {
    if (Date.now() - last < ms) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        last = Date.now();
        resolve();
      }),
    );
  };
}
