import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { pipeChunks, type TextSink } from '../pipe.js';
import { OUTPUT_SUFFIX } from './open.js';
import type { ArchiveIndex } from './store.js';
import { shownGeneration } from './write-rows.js';

// A read command's last output, kept beside the index: run again over an index that holds
// the same releases and issues (same token and meta 'shown', which an edit of a body alone
// leaves as it was: see write-rows.ts), with the same settings, registry, options and
// code, it writes the same bytes, which are then copied instead of decoding, linking and
// laying out every release again (`list` at 10k: the check of every file's stat stays,
// and is then most of the cost).

/** Outputs larger than this are not kept (at 100k releases, `list` is ~35 MB). */
const MAX_BYTES = 64 << 20;

/** An output found in the cache: the numbers kept with it, and a way to write its bytes. */
export interface CachedOutput {
  counts: number[];
  /** Writes the bytes to `sink` (see `pipeChunks`) and closes the cache file; call it once. */
  writeTo(sink: TextSink): Promise<void>;
}

/**
 * The key of an output over the index as it is now (call `refresh` and read the settings
 * first), given everything else it depends on in `parts`; null when the index cannot say
 * what it holds (no token yet, no settings read).
 */
export function outputKey(index: ArchiveIndex, parts: unknown[]): string | null {
  const meta = new Map(
    index.db.prepare("SELECT key, value FROM meta WHERE key IN ('token', 'generation', 'shown', 'config')").raw().all() as [
      string,
      string,
    ][],
  );
  const token = meta.get('token');
  const config = meta.get('config');
  if (!token || config === undefined) return null;
  return createHash('sha256')
    .update(JSON.stringify([token, shownGeneration(meta.get('shown'), meta.get('generation')), config, parts]))
    .digest('hex');
}

/** Where the index `file` keeps its cached output. */
export function outputFile(index: ArchiveIndex): string {
  return index.file + OUTPUT_SUFFIX;
}

/** The cached output under `key` in `file`, or null when there is none (or another one, or a damaged one). */
export function readOutput(file: string, key: string): CachedOutput | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const first = Buffer.alloc(HEAD);
    const got = readSync(fd, first, 0, HEAD, 0);
    const nl = first.subarray(0, got).indexOf(10);
    const head = nl < 0 ? null : (attempt(() => JSON.parse(first.toString('latin1', 0, nl))) as Head | null);
    const bytes = fstatSync(fd).size - (nl + 1);
    if (head?.key === key && head.bytes === bytes && Array.isArray(head.counts)) {
      const at = nl + 1;
      return { counts: head.counts as number[], writeTo: (sink) => copyOut(fd, at, bytes, sink) };
    }
  } catch {
    // A cache that cannot be read is no cache.
  }
  attempt(() => closeSync(fd));
  return null;
}

type Head = { key?: unknown; counts?: unknown; bytes?: unknown };

/** Bytes copied at a time. */
const PIECE = 1 << 18;

/**
 * Writes `bytes` bytes of `fd` from `at` to the sink, then closes `fd`. A Node stream over a
 * file descriptor (stdout) gets them through one buffer, filled again only once the stream
 * has written it: a fresh buffer for the whole output (3.3 MB for `list` at 10k) cost more
 * in page faults than the copy. Any other sink gets buffers of their own, cut after a
 * newline so that each holds whole characters.
 */
async function copyOut(fd: number, at: number, bytes: number, sink: TextSink): Promise<void> {
  const stream = sink as TextSink & {
    fd?: unknown;
    writableHighWaterMark?: unknown;
    write(b: Uint8Array, done: (e?: unknown) => void): unknown;
  };
  const reuse = typeof stream.fd === 'number' && typeof stream.writableHighWaterMark === 'number';
  try {
    if (!reuse) return await pipeChunks(pieces(fd, at, bytes), sink);
    const buf = Buffer.allocUnsafe(Math.min(PIECE, bytes));
    for (let end = at + bytes; at < end; ) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, end - at), at);
      if (n <= 0) throw new Error('the kept output was cut short');
      at += n;
      await new Promise<void>((resolve, reject) => stream.write(buf.subarray(0, n), (e) => (e ? reject(e) : resolve())));
    }
  } finally {
    attempt(() => closeSync(fd));
  }
}

/** The bytes in buffers of their own of about 1 MB, each cut after a newline. */
function* pieces(fd: number, at: number, bytes: number): Generator<Buffer> {
  for (let end = at + bytes; at < end; ) {
    const size = Math.min(1 << 20, end - at);
    const buf = Buffer.allocUnsafe(size);
    const n = readSync(fd, buf, 0, size, at);
    if (n <= 0) throw new Error('the kept output was cut short');
    const nl = at + n < end ? buf.lastIndexOf(10, n - 1) : n - 1;
    const take = nl >= 0 ? nl + 1 : n;
    yield buf.subarray(0, take);
    at += take;
  }
}

/** Room for the header line at the start of the cache file, written last (see `keepOutput`). */
const HEAD = 256;

/**
 * The chunks of an output, kept in `file` under `key` with `counts` as they pass: written to
 * a temporary file renamed over the cache once the last chunk is through, so that a reader
 * never finds half of one. Nothing is kept when the output stops early or grows too large,
 * or the file cannot be written; the output itself goes on either way.
 */
export function* keepOutput(
  file: string,
  key: string,
  counts: number[],
  chunks: Iterable<string | Uint8Array>,
): Generator<string | Uint8Array> {
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  let fd = attempt(() => openSync(temp, 'w'));
  let bytes = 0;
  // Stops keeping (the output goes on) at the first failed write or when it grows too large.
  const stop = () => {
    if (fd !== null) attempt(() => closeSync(fd as number));
    fd = null;
  };
  try {
    for (const chunk of chunks) {
      if (fd !== null) {
        const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        if (bytes + b.length > MAX_BYTES || attempt(() => writeAll(fd as number, b, HEAD + bytes)) === null) stop();
        bytes += b.length;
      }
      yield chunk;
    }
    if (fd === null) return;
    // The header names the length of the output: a file cut short is never taken for it.
    const head = Buffer.alloc(HEAD, 32);
    head.write(JSON.stringify({ key, counts, bytes }), 'latin1');
    head[HEAD - 1] = 10;
    const at = fd;
    fd = null;
    const wrote = attempt(() => writeAll(at, head, 0)) !== null;
    attempt(() => closeSync(at));
    if (wrote) attempt(() => renameSync(temp, file));
  } finally {
    stop();
    attempt(() => rmSync(temp, { force: true }));
  }
}

/** What `f` gives, or null when it throws: a cache that cannot be written is no error. */
function attempt<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null;
  }
}

function writeAll(fd: number, b: Uint8Array, position: number): true {
  for (let at = 0; at < b.length; ) at += writeSync(fd, b, at, b.length - at, position + at);
  return true;
}
