import { Worker } from 'node:worker_threads';

/** Files handed to the writer at once: one message each, so a message costs little per file. */
const BATCH_FILES = 16;
/** Bytes (or UTF-16 units of text) in one batch at most. */
const BATCH_BYTES = 256 * 1024;
/** Bytes handed over and not yet written, at most: what the writer holds stays small. */
const MAX_BYTES = 8 * 1024 * 1024;

/**
 * The writer thread: writes each file of a batch whole (open, write, close on this thread,
 * one system call after the other), then says which batch is done and what failed.
 */
const WRITER = `
const { parentPort } = require('node:worker_threads');
const { writeFileSync } = require('node:fs');
parentPort.on('message', ({ id, files }) => {
  let failed = null;
  for (let i = 0; i < files.length; i += 2) {
    try {
      writeFileSync(files[i], files[i + 1]);
    } catch (e) {
      failed ??= { at: i / 2, code: e && e.code, message: String((e && e.message) || e) };
    }
  }
  parentPort.postMessage({ id, failed });
});
`;

type Named = (e: unknown) => Error;

/** The bytes a write holds while it waits (text counted by its UTF-16 units). */
const sizeOf = (data: string | Uint8Array) => (typeof data === 'string' ? data.length : data.byteLength);

/**
 * Whole-file writes done on a writer thread, so that creating thousands of files (about 0.3
 * ms of the kernel's time each on the disks measured) runs beside the making of the next
 * pages. Writes go in batches of BATCH_FILES: one message per batch, where writing through
 * libuv's pool cost three hand-overs between threads per file (open, write, close), which on
 * two cores cost more CPU than the writes themselves. Text is sent as text and encoded on the
 * writer. At most `max` files (and MAX_BYTES) wait at once; the caller waits for `room()`
 * after each push.
 */
export class WriteQueue {
  private worker: Worker | null = null;
  private batch: (string | Uint8Array)[] = [];
  private batchNames: Named[] = [];
  private batchBytes = 0;
  /** Per batch handed over and not yet done: its files' error makers and its bytes. */
  private readonly sent = new Map<number, { names: Named[]; bytes: number }>();
  private nextId = 0;
  private waiting = 0;
  private waitingBytes = 0;
  private failure: Error | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly max: number) {}

  /** Starts writing `data` to `abs`; `named` turns a failure into the error to throw. */
  push(abs: string, data: string | Uint8Array, named: Named): void {
    this.check();
    // Bytes are copied and the copy handed over: a view into a larger (pooled) buffer would be
    // cloned whole, and the caller's buffer (a cached asset) must stay whole.
    const own = typeof data === 'string' ? data : Uint8Array.prototype.slice.call(data);
    const bytes = sizeOf(own);
    this.batch.push(abs, own);
    this.batchNames.push(named);
    this.batchBytes += bytes;
    this.waiting++;
    this.waitingBytes += bytes;
    if (this.batchNames.length >= BATCH_FILES || this.batchBytes >= BATCH_BYTES) this.flush();
  }

  /** Undefined while there is room for another write, else a promise of room. */
  room(): Promise<void> | undefined {
    this.check();
    if (this.waiting < this.max && this.waitingBytes < MAX_BYTES) return undefined;
    this.flush();
    return this.until(() => this.waiting < this.max && this.waitingBytes < MAX_BYTES).then(() => this.check());
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
    await worker?.terminate();
  }

  private flush(): void {
    if (!this.batchNames.length) return;
    const id = this.nextId++;
    this.sent.set(id, { names: this.batchNames, bytes: this.batchBytes });
    const files = this.batch;
    const transfer = files.flatMap((f) => (typeof f === 'string' ? [] : [f.buffer as ArrayBuffer]));
    this.batch = [];
    this.batchNames = [];
    this.batchBytes = 0;
    this.writer().postMessage({ id, files }, transfer);
  }

  private writer(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WRITER, { eval: true });
    // Kept alive only while someone waits (until): a run that stops early must not hang on it.
    worker.unref();
    worker.on('message', ({ id, failed }: { id: number; failed: { at: number; code?: string; message: string } | null }) => {
      const done = this.sent.get(id);
      if (!done) return;
      this.sent.delete(id);
      this.waiting -= done.names.length;
      this.waitingBytes -= done.bytes;
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
