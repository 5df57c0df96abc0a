import { closeSync, openSync, write } from 'node:fs';

/**
 * Whole-file writes whose bytes go to libuv's thread pool, at most `max` files at a time:
 * the kernel's part of writing thousands of pages runs on other threads while the next
 * pages are made. Each file is created and closed here, on the calling thread (creating an
 * empty file costs the kernel about a tenth of writing a page's bytes), so a file costs one
 * trip to the pool rather than the three of `fs.writeFile` (open, write, close), each with
 * its wake-ups of threads and its callback. The caller waits for `room()` after each push.
 */
export class WriteQueue {
  private inflight = 0;
  private failure: Error | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly max: number) {}

  /**
   * Creates `abs` and starts writing `data` into it; `named` turns a failure into the error
   * to throw. A file that cannot be created throws here, as `writeFileSync` would.
   */
  push(abs: string, data: string | Uint8Array, named: (e: unknown) => Error): void {
    this.check();
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const fd = openSync(abs, 'w');
    this.inflight++;
    const done = (e: unknown) => {
      try {
        closeSync(fd);
      } catch (c) {
        e ??= c;
      }
      this.inflight--;
      if (e && !this.failure) this.failure = named(e);
      const wake = this.wake;
      this.wake = null;
      wake?.();
    };
    // A write may take fewer bytes than given: the rest follows from where it stopped.
    const from = (at: number): void =>
      write(fd, bytes, at, bytes.length - at, null, (e, n) => {
        if (e) done(e);
        else if (at + n < bytes.length) from(at + n);
        else done(null);
      });
    if (bytes.length === 0) done(null);
    else from(0);
  }

  /** Undefined while there is room for another write, else a promise of room. */
  room(): Promise<void> | undefined {
    this.check();
    if (this.inflight < this.max) return undefined;
    return new Promise<void>((resolve) => {
      this.wake = resolve;
    }).then(() => this.check());
  }

  /** Waits for every write; throws the first failure. */
  async drain(): Promise<void> {
    while (this.inflight > 0)
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    this.check();
  }

  /** Waits for every write, whatever became of them. */
  async settle(): Promise<void> {
    while (this.inflight > 0)
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }
}
