import { setTimeout as pause } from 'node:timers/promises';

/** How long `waitFor` keeps checking, how often, and what its failure says. */
export interface WaitOptions {
  /** Milliseconds before the test fails (default 30 s). */
  timeout?: number;
  /** Milliseconds between two checks (default 50). */
  every?: number;
  /** What the failure says: what was awaited and what was there instead. */
  failure?: () => string;
}

/**
 * Checks `condition` until it gives a truthy value, and returns that value; throws after
 * `timeout` ms. For states no event announces, such as what a terminal shows or a file
 * another process writes: where an event exists, wait on the event instead.
 */
export async function waitFor<T>(condition: () => T | Promise<T>, opts: WaitOptions = {}): Promise<T> {
  const timeout = opts.timeout ?? 30_000;
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() >= deadline) throw new Error(opts.failure?.() ?? `waited ${timeout} ms for ${String(condition)}`);
    await pause(opts.every ?? 50);
  }
}
