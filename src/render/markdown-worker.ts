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
/** A batch's results: each body and its HTML (null when rendering failed: the main thread renders it). */
export interface AheadDone {
  bodies: string[];
  htmls: (string | null)[];
}

const { port, flag } = workerData as { port: MessagePort; flag: Int32Array };

parentPort?.on('message', ({ jobs }: { jobs: AheadJob[] }) => {
  const bodies: string[] = [];
  const htmls: (string | null)[] = [];
  for (const job of jobs) {
    const body = typeof job === 'string' ? job : readBody(job[0], job[1]);
    let html: string | null = null;
    try {
      html = renderMarkdown(body);
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
