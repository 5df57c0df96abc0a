import { writeFile } from 'node:fs';

/**
 * Whole-file writes handed to libuv's thread pool, at most `max` at a time: the kernel's part
 * of creating thousands of files (about 0.3 ms each on the disks measured) runs on other
 * threads while the next pages are made. The caller waits for `room()` after each push.
 */
export class WriteQueue {
  private inflight = 0;
  private failure: Error | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly max: number) {}

  /** Starts writing `data` to `abs`; `named` turns a failure into the error to throw. */
  push(abs: string, data: string | Uint8Array, named: (e: unknown) => Error): void {
    this.check();
    this.inflight++;
    writeFile(abs, data, (e) => {
      this.inflight--;
      if (e && !this.failure) this.failure = named(e);
      const wake = this.wake;
      this.wake = null;
      wake?.();
    });
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
