import { Worker } from 'node:worker_threads';
import { BufferPool } from './buffer-pool.js';
import { WRITER } from './write-thread.js';

/** Files handed to the writer at once: one message each, so a message costs little per file. */
const BATCH_FILES = 16;
/** The size of a batch's buffer (a file larger than it gets a buffer of its own). */
const BATCH_BYTES = 256 * 1024;
/** Bytes of buffers handed over and not yet given back, at most: what the writer holds stays small. */
const MAX_BYTES = 4 * 1024 * 1024;
const ENCODER = new TextEncoder();

type Named = (e: unknown) => Error;
type Failed = { at: number; code?: string; message: string } | null;

/**
 * Whole-file writes done on a writer thread, so that creating thousands of files (about 0.3
 * ms of the kernel's time each on the disks measured) runs beside the making of the next
 * pages. Writes go in batches of BATCH_FILES: one message per batch, where writing through
 * libuv's pool cost three hand-overs between threads per file (open, write, close), which on
 * two cores cost more CPU than the writes themselves. A batch's files are encoded into one
 * buffer that is moved to the writer (not copied) and given back to be filled again: text
 * sent as text was copied into the writer's own heap, where it waited for that heap's
 * collections (at 100k releases ~70 MB of the peak). At most `max` files (and MAX_BYTES of
 * buffers) wait at once; the caller waits for `room()` after each push.
 */
export class WriteQueue {
  private worker: Worker | null = null;
  private buf: Buffer | null = null;
  private used = 0;
  private staged = 0;
  private files: string[] = [];
  private ends: number[] = [];
  private names: Named[] = [];
  /** Batch buffers kept for reuse, at most 16. */
  private readonly pool = new BufferPool(BATCH_BYTES, 16);
  /** Per batch handed over and not yet done: its files' error makers and its buffer's bytes. */
  private readonly sent = new Map<number, { names: Named[]; bytes: number }>();
  private nextId = 0;
  private waiting = 0;
  private waitingBytes = 0;
  private failure: Error | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly max: number) {}

  /** Starts writing `data` (text as UTF-8) to `abs`; `named` turns a failure into the error to throw. */
  push(abs: string, data: string | Uint8Array | readonly Uint8Array[], named: Named): void {
    this.stage(data);
    this.pushStaged(abs, named);
  }

  /**
   * Encodes (or copies) `data` into the batch's buffer and gives its bytes, to be written by
   * `pushStaged`; valid until the next `stage` or `push`, which overwrite them if not pushed.
   */
  stage(data: string | Uint8Array | readonly Uint8Array[]): Uint8Array {
    this.check();
    const text = typeof data === 'string';
    const bytes = text ? 0 : data instanceof Uint8Array ? data.byteLength : data.reduce((n, c) => n + c.byteLength, 0);
    let buf = this.buf;
    // For text, at most its bytes: counted exactly only for a file larger than a batch.
    let size = text ? data.length * 3 : bytes;
    if (!buf || this.used + size > buf.length) {
      if (text && buf) {
        // It may fit all the same: encoded where it would go, which counting first (a pass over it) spared.
        const { read, written } = ENCODER.encodeInto(data, buf.subarray(this.used));
        if (read === data.length) {
          this.staged = written;
          return buf.subarray(this.used, this.used + written);
        }
      }
      if (text && size > BATCH_BYTES) size = Buffer.byteLength(data, 'utf8');
      if (!buf || this.used + size > buf.length) {
        this.flush();
        if (this.buf && this.buf.length < size) this.pool.give(this.buf);
        if (!this.buf || this.buf.length < size) this.buf = this.pool.take(size);
        buf = this.buf;
      }
    }
    if (text) this.staged = buf.write(data, this.used, 'utf8');
    else {
      let at = this.used;
      for (const chunk of data instanceof Uint8Array ? [data] : data) {
        buf.set(chunk, at);
        at += chunk.byteLength;
      }
      this.staged = bytes;
    }
    return buf.subarray(this.used, this.used + this.staged);
  }

  /** Starts writing the bytes `stage` gave last to `abs`. */
  pushStaged(abs: string, named: Named): void {
    this.used += this.staged;
    this.staged = 0;
    this.files.push(abs);
    this.ends.push(this.used);
    this.names.push(named);
    this.waiting++;
    if (this.files.length >= BATCH_FILES || this.used >= BATCH_BYTES) this.flush();
  }

  /** Undefined while there is room for another write, else a promise of room. */
  room(): Promise<void> | undefined {
    this.check();
    const free = () => this.waiting < this.max && this.waitingBytes < MAX_BYTES;
    if (free()) return undefined;
    this.flush();
    return this.until(free).then(() => this.check());
  }

  /** Waits for every write; throws the first failure. */
  async drain(): Promise<void> {
    await this.settle();
    this.check();
  }

  /** Waits for every write, whatever became of them; the writer thread then ends. */
  async settle(): Promise<void> {
    this.flush();
    await this.until(() => this.sent.size === 0);
    const worker = this.worker;
    this.worker = null;
    this.pool.clear();
    this.buf = null;
    await worker?.terminate();
  }

  private flush(): void {
    if (!this.files.length || !this.buf) return;
    const id = this.nextId++;
    const bytes = this.buf.length;
    this.sent.set(id, { names: this.names, bytes });
    this.waitingBytes += bytes;
    const message = { id, files: this.files, ends: this.ends, buffer: this.buf.buffer };
    this.buf = null;
    this.used = 0;
    this.files = [];
    this.ends = [];
    this.names = [];
    this.writer().postMessage(message, [message.buffer as ArrayBuffer]);
  }

  private writer(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WRITER, { eval: true });
    // Kept alive only while someone waits (until): a run that stops early must not hang on it.
    worker.unref();
    worker.on('message', ({ id, failed, buffer }: { id: number; failed: Failed; buffer: ArrayBuffer }) => {
      const done = this.sent.get(id);
      if (!done) return;
      this.sent.delete(id);
      this.waiting -= done.names.length;
      this.waitingBytes -= done.bytes;
      if (this.worker) this.pool.give(Buffer.from(buffer));
      if (failed && !this.failure) this.failure = done.names[failed.at](Object.assign(new Error(failed.message), { code: failed.code }));
      this.poke();
    });
    // The thread itself failed (out of memory): every write it held is lost.
    const lost = (e: unknown) => {
      for (const { names } of this.sent.values()) if (!this.failure && names.length) this.failure = names[0](e);
      this.sent.clear();
      this.waiting = 0;
      this.waitingBytes = 0;
      this.poke();
    };
    worker.on('error', lost);
    worker.on('exit', () => {
      if (this.sent.size) lost(new Error('the writer thread stopped'));
    });
    this.worker = worker;
    return worker;
  }

  private until(done: () => boolean): Promise<void> {
    if (done() || this.failure) return Promise.resolve();
    this.worker?.ref();
    return new Promise<void>((resolve) => {
      this.wake = () => {
        if (!done() && !this.failure) return;
        this.wake = null;
        this.worker?.unref();
        resolve();
      };
    });
  }

  private poke(): void {
    this.wake?.();
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }
}
