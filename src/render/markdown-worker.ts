/**
 * The Markdown thread of a fresh site export (dist/bundle/markdown-worker.js, started by
 * markdown-ahead.ts): reads release bodies and renders them, a batch at a time, while the
 * main thread makes the pages before them. Each batch's bodies and HTML go back on `port`,
 * and `flag` is bumped so that a main thread blocked in Atomics.wait wakes.
 */
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { readBody } from '../core/store/documents.js';
import { renderMarkdown } from './markdown.js';

/** A body to read ([file, the line its body starts on]) or the body itself. */
export type AheadJob = [file: string, bodyLine: number] | string;
/**
 * A batch's results: each body (null when it could not be read here: the main thread reads
 * it, and reports its error) and its HTML (null when not rendered here: the main thread renders it).
 */
export interface AheadDone {
  bodies: (string | null)[];
  htmls: (string | null)[];
}

/** Longer bodies (characters) are rendered on the main thread: their tokens could pass this thread's heap limit. */
export const LONGEST_HERE = 1 << 20;

// Outside a worker (a test importing LONGEST_HERE) there is no workerData and nothing listens.
const { port, flag } = (workerData ?? {}) as { port: MessagePort; flag: Int32Array };

parentPort?.on('message', ({ jobs }: { jobs: AheadJob[] }) => {
  const bodies: (string | null)[] = [];
  const htmls: (string | null)[] = [];
  for (const job of jobs) {
    let body: string | null = null;
    let html: string | null = null;
    // Nothing may end this thread: the main thread waits for each answer.
    try {
      body = typeof job === 'string' ? job : readBody(job[0], job[1]);
      if (body.length <= LONGEST_HERE) html = renderMarkdown(body);
    } catch {
      // Left to the main thread, whose error is the one to report.
    }
    bodies.push(body);
    htmls.push(html);
  }
  port.postMessage({ bodies, htmls } satisfies AheadDone);
  Atomics.add(flag, 0, 1);
  Atomics.notify(flag, 0);
});
