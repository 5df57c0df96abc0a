import { parentPort, workerData } from 'node:worker_threads';
import type { FoundFile } from '../files.js';
import { parseFromDisk } from './read.js';
import { toRow } from './rows.js';

// A worker of parallel.ts: parses the batches of files it is sent and posts their rows back
// (with their folded text only when the full-text table is kept up to date).
const text = (workerData as { text?: boolean } | null)?.text ?? true;
parentPort?.on('message', (batch: FoundFile[]) => {
  parentPort!.postMessage(batch.map((file) => toRow(file, parseFromDisk(file), text)));
});
