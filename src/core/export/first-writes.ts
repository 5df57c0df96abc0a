import { writeFileSync } from 'node:fs';
import type { FileSink } from './file-body.js';

/**
 * A sink that writes its first `here` files itself, on the calling thread, and hands the rest
 * to `next` (the writer thread's queue). An update that changed one release writes a handful
 * of files: starting the writer thread for them cost more (≈ 0.2 s waiting for it to start at
 * 10k releases) than writing them here. A failed write is thrown by `write` as `fail` makes it
 * (the same error the writer thread's queue reports: the file named, what to do).
 */
export class FirstWritesHere implements FileSink {
  /** The bytes staged last, when they are to be written here. */
  private bytes: Uint8Array | null = null;

  constructor(
    private readonly next: FileSink,
    private here: number,
    private readonly fail: (abs: string, e: unknown) => Error,
  ) {}

  stage(data: string | Uint8Array | readonly Uint8Array[]): Uint8Array {
    if (this.here <= 0) {
      this.bytes = null;
      return this.next.stage(data);
    }
    this.bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data instanceof Uint8Array ? data : Buffer.concat(data);
    return this.bytes;
  }

  write(abs: string): void {
    const bytes = this.bytes;
    if (bytes === null) {
      this.next.write(abs);
      return;
    }
    this.bytes = null;
    this.here--;
    try {
      writeFileSync(abs, bytes);
    } catch (e) {
      throw this.fail(abs, e);
    }
  }
}
