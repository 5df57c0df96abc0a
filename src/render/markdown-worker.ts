/**
 * The Markdown thread of a fresh site export (dist/bundle/markdown-worker.js, started by
 * markdown-ahead.ts): reads release bodies and renders them, a batch at a time, while the
 * main thread makes the pages before them. Each batch's bodies and HTML go back on `port`,
 * and `flag` is bumped so that a main thread blocked in Atomics.wait wakes.
 */
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { readBody } from '../core/store/documents.js';
import type { Period } from '../core/types.js';
import { makeShapes, takeShapes } from './html/date-format.js';
import { excerptOf } from './html/search-fragment.js';
import { WordTable } from './html/search-words.js';
import { renderMarkdown } from './markdown.js';

/** A body to read ([file, the line its body starts on]) or the body itself. */
export type AheadJob = [file: string, bodyLine: number] | string;
/** A release's language, date, period and event, whose months' shapes are made here (date-format.ts makeShapes). */
export type AheadDays = [lang: string, date: string, period: Period, event: Period | null];
/**
 * A batch's results: each body (null when it could not be read here: the main thread reads
 * it, and reports its error) and its HTML (null when not rendered here: the main thread renders it).
 */
export interface AheadDone {
  bodies: (string | null)[];
  htmls: (string | null)[];
  /**
   * The words of each body rendered here, as the site's term table reads them (search-words.ts):
   * numbers given by this thread, `ids[from[i], to[i])` for body i (from -1: not read here),
   * and the words first seen in this batch, in the order of their numbers (every earlier
   * batch's words come first, unless `restart`: then numbers start again at 0 in this batch).
   */
  ids: Int32Array;
  from: number[];
  to: number[];
  restart: boolean;
  words: string[];
  /** Each body's excerpt for the site's search (search-fragment.ts excerptOf), null where `from` is -1. */
  excerpts: (string | null)[];
  /** The date shapes made for this batch's days (date-format.ts takeShapes). */
  shapes: ReturnType<typeof takeShapes>;
}

/** Longer bodies (characters) are rendered on the main thread: their tokens could pass this thread's heap limit. */
export const LONGEST_HERE = 1 << 20;

// Outside a worker (a test importing LONGEST_HERE) there is no workerData and nothing listens.
const { port, flag } = (workerData ?? {}) as { port: MessagePort; flag: Int32Array };

// The words of the bodies, numbered as they first come (the main thread folds each once).
/** Words numbered before the numbering starts over (between batches): both threads' copies of them stay small. */
const MOST_WORDS = 1 << 14;
let fresh: string[] = [];
let numbered = 0;
let restart = false;
const newTable = () =>
  new WordTable((word) => {
    fresh.push(word);
    return numbered++;
  });
let table = newTable();
let ids = new Int32Array(64 * 1024);

/** Appends the words `table` read last to `ids` from `at`; gives the end. */
function keep(at: number): number {
  const { numbers, count } = table;
  if (at + count > ids.length) {
    const grown = new Int32Array(Math.max(at + count, ids.length * 2));
    grown.set(ids.subarray(0, at));
    ids = grown;
  }
  ids.set(numbers.subarray(0, count), at);
  return at + count;
}

parentPort?.on('message', ({ jobs, days }: { jobs: AheadJob[]; days?: AheadDays[] }) => {
  const bodies: (string | null)[] = [];
  const htmls: (string | null)[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const excerpts: (string | null)[] = [];
  let at = 0;
  for (const job of jobs) {
    let body: string | null = null;
    let html: string | null = null;
    let start = -1;
    let excerpt: string | null = null;
    // Nothing may end this thread: the main thread waits for each answer.
    try {
      body = typeof job === 'string' ? job : readBody(job[0], job[1]);
      if (body.length <= LONGEST_HERE) {
        html = renderMarkdown(body);
        table.scan(body);
        excerpt = excerptOf(body);
        start = at;
        at = keep(at);
      }
    } catch {
      // Left to the main thread, whose error is the one to report.
    }
    bodies.push(body);
    htmls.push(html);
    from.push(start);
    to.push(at);
    excerpts.push(excerpt);
  }
  for (const [lang, date, period, event] of days ?? []) {
    try {
      makeShapes(lang, date, [period, event]);
    } catch {
      // The main thread formats it, and reports what fails.
    }
  }
  const words = fresh;
  fresh = [];
  port.postMessage({ bodies, htmls, ids: ids.slice(0, at), from, to, restart, words, excerpts, shapes: takeShapes() } satisfies AheadDone);
  restart = numbered >= MOST_WORDS;
  if (restart) {
    numbered = 0;
    table = newTable();
  }
  Atomics.add(flag, 0, 1);
  Atomics.notify(flag, 0);
});
