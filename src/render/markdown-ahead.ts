import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { type BodyOf, bodyReader } from '../core/export/bodies.js';
import { LazyBodyRelease } from '../core/store/lazy-release.js';
import type { ArchivedRelease } from '../core/types.js';
import { offerWords } from './html/search-words.js';
import { offerRendered } from './markdown.js';
import { addShapes } from './html/date-format.js';
import type { AheadDays, AheadDone, AheadJob } from './markdown-worker.js';

/** Releases per message to the Markdown thread. */
const BATCH = 32;
/** Releases read and rendered ahead of the one asked for, at most: what both threads hold stays small. */
const AHEAD = 3 * BATCH;
/** How long to wait for a batch before giving up on the thread (it died: out of memory). */
const PATIENCE_MS = 20_000;
const WORKER = new URL('./markdown-worker.js', import.meta.url);
/** The Markdown thread's heap: young and old generation, in MB. */
const YOUNG_MB = 8;
const OLD_MB = 128;
/** Fewer releases than this are read here: starting a thread costs more than it saves. */
const FEW = 64;

/** Bodies for one pass over releases in a known order, and the end of that pass. */
export interface BodiesAhead {
  bodyOf: BodyOf;
  /** Stops the Markdown thread (at the end of the pass, or when it stops early). */
  close(): Promise<void>;
}

/**
 * Bodies for a fresh site export, read and rendered to HTML (without link rewrites) on a
 * Markdown thread a few batches ahead of the release pages, which ask for them in the
 * order of `releases`: the main thread then only makes the pages around them. Each body
 * comes with its HTML, offered to `renderMarkdown` (markdown.ts), which returns it for that
 * body asked without a rewrite (a release with no files of its own). A release asked out
 * of order (a feed asking again), or any after the thread failed, is read here as
 * `bodyReader` does. Without the built worker (running from sources) all are read here.
 */
export function bodiesAhead(
  archiveDir: string,
  releases: readonly ArchivedRelease[],
  { script = WORKER, patienceMs = PATIENCE_MS }: { script?: URL; patienceMs?: number } = {},
): BodiesAhead {
  const direct = bodyReader(archiveDir);
  if (releases.length < FEW || script.protocol !== 'file:' || !existsSync(fileURLToPath(script)))
    return { bodyOf: direct, close: async () => {} };
  return new Ahead(archiveDir, releases, script, patienceMs, direct);
}

class Ahead implements BodiesAhead {
  private readonly dir: string;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private readonly port: MessagePort;
  private worker: Worker | null;
  /** The next release expected, and the next to send. */
  private cursor = 0;
  private sent = 0;
  /** The batch at hand and the index of its first release. */
  private done: AheadDone | null = null;
  private from = 0;
  /** The Markdown thread's words by its numbers (AheadDone.words of every batch so far). */
  private words: string[] = [];

  constructor(
    archiveDir: string,
    private readonly releases: readonly ArchivedRelease[],
    script: URL,
    private readonly patienceMs: number,
    private readonly direct: BodyOf,
  ) {
    this.dir = archiveDir.replace(/[/\\]+$/, '') || archiveDir;
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const worker = new Worker(script, {
      workerData: { port: port2, flag: this.flag },
      transferList: [port2],
      // Its garbage is a few bodies' tokens: a small young generation keeps the peak (100k releases) as it was.
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB, maxOldGenerationSizeMb: OLD_MB },
    });
    // Never what keeps the process alive; a failed thread only means reading here.
    worker.unref();
    worker.on('error', () => this.stop());
    this.worker = worker;
    this.fill();
  }

  bodyOf = (r: ArchivedRelease): string => {
    if (!this.worker || this.releases[this.cursor] !== r) return this.direct(r);
    this.fill();
    if (!this.done || this.cursor - this.from >= this.done.bodies.length) {
      if (this.done) this.from += this.done.bodies.length;
      this.done = this.receive();
      if (!this.done) {
        this.stop();
        return this.direct(r);
      }
      // A new list when the thread's numbering starts over: bodies offered before keep theirs.
      if (this.done.restart) this.words = [];
      for (const word of this.done.words) this.words.push(word);
      // The months' date shapes the pages about to be made use, made there.
      addShapes(this.done.shapes);
    }
    const at = this.cursor++ - this.from;
    const body = this.done.bodies[at] ?? this.direct(r);
    const html = this.done.htmls[at];
    if (html !== null) offerRendered(body, html);
    const start = this.done.from[at];
    if (start >= 0 && this.done.bodies[at] !== null)
      offerWords(body, {
        ids: this.done.ids.subarray(start, this.done.to[at]),
        words: this.words,
        excerpt: this.done.excerpts[at] ?? undefined,
      });
    if (this.cursor === this.releases.length) this.stop();
    return body;
  };

  async close(): Promise<void> {
    this.stop();
  }

  /** Sends batches until AHEAD releases past the one expected are on their way. */
  private fill(): void {
    const to = Math.min(this.releases.length, this.cursor + AHEAD);
    while (this.sent < to) {
      const jobs: AheadJob[] = [];
      const days: AheadDays[] = [];
      for (const r of this.releases.slice(this.sent, Math.min(this.releases.length, this.sent + BATCH))) {
        jobs.push(r instanceof LazyBodyRelease ? [path.join(this.dir, r.path), r.bodyLine] : r.body);
        days.push([r.lang, r.date, { start: r.period.start, end: r.period.end }, r.event && { start: r.event.start, end: r.event.end }]);
      }
      this.worker!.postMessage({ jobs, days });
      this.sent += jobs.length;
    }
  }

  /** The next batch, waited for (blocking this thread), or null when the thread does not answer. */
  private receive(): AheadDone | null {
    for (;;) {
      const got = receiveMessageOnPort(this.port);
      if (got) return got.message as AheadDone;
      const seen = Atomics.load(this.flag, 0);
      const again = receiveMessageOnPort(this.port);
      if (again) return again.message as AheadDone;
      if (Atomics.wait(this.flag, 0, seen, this.patienceMs) === 'timed-out') return null;
    }
  }

  private stop(): void {
    const worker = this.worker;
    this.worker = null;
    this.done = null;
    this.port.close();
    void worker?.terminate();
  }
}
