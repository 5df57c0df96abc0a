import { parentPort } from 'node:worker_threads';
import type { FoundFile } from '../files.js';
import { parseFromDisk } from './read.js';
import { toRow } from './rows.js';

// A worker of parallel.ts: parses the batches of files it is sent and posts their rows back.
parentPort?.on('message', (batch: FoundFile[]) => {
  parentPort!.postMessage(batch.map((file) => toRow(file, parseFromDisk(file))));
});
