import { parentPort, workerData } from 'node:worker_threads';
import type { FoundFile } from '../files.js';
import type { TextJob, TextRow } from './parallel.js';
import { parseFromDisk } from './read.js';
import { toRow } from './rows.js';
import { foldedText } from './text-index.js';

// A worker of parallel.ts: parses the batches of files it is sent and posts their rows back
// (with their folded text only when the full-text table is kept up to date), or reads and
// folds releases for the full-text table.
const data = (workerData ?? {}) as { task?: 'parse' | 'fold'; text?: boolean; dir?: string };
parentPort?.on('message', (batch: unknown[]) => {
  if (data.task === 'fold') {
    parentPort!.postMessage((batch as TextJob[]).map(([rowid, path, json]): TextRow => [rowid, foldedText(data.dir!, path, json)]));
  } else {
    parentPort!.postMessage((batch as FoundFile[]).map((file) => toRow(file, parseFromDisk(file), data.text ?? true)));
  }
});
