import { createHash } from 'node:crypto';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { bytesStamp } from './manifest.js';

/** The bytes of one file of a site: text, bytes, or bytes made chunk by chunk while it is written. */
export type FileContent = string | Uint8Array | Iterable<Uint8Array>;

/** A chunked file is held in memory up to this size, to be written whole on the writer thread or kept when the old one has its bytes. */
const HOLD = 8 * 1024 * 1024;

function writeAll(fd: number, chunk: Uint8Array): void {
  for (let done = 0; done < chunk.length; ) done += writeSync(fd, chunk, done);
}

/** Where whole files go to be written (a WriteQueue): bytes staged first, so they can be hashed where they lie. */
export interface FileSink {
  /** Encodes (or copies) the bytes of a file and gives them; valid until the next `stage`. */
  stage(data: string | Uint8Array | readonly Uint8Array[]): Uint8Array;
  /** Starts writing the bytes staged last to `abs`. */
  write(abs: string): void;
}

/** Stages `data` and gives its stamp (when asked for) and whether to write it (not when `same` holds it). */
function staged(sink: FileSink, data: string | Uint8Array | readonly Uint8Array[], stamp: boolean, same?: (stamp: string) => boolean) {
  const bytes = sink.stage(data);
  const s = stamp ? bytesStamp(bytes) : undefined;
  return { stamp: s, wrote: !(s && same?.(s)) };
}

/**
 * Writes `content` to `abs` unless `same` says the old site already holds these bytes (given
 * their stamp). With `stamp` false the bytes are neither hashed nor compared. Text, bytes and
 * chunks up to HOLD go to `sink` (a queue of writes on a writer thread), encoded once for the
 * hash and the write alike; longer chunked files are written here, as they come.
 * Returns the stamp (when asked for) and whether the file was (or is being) written.
 */
export function writeContent(
  abs: string,
  content: FileContent,
  stamp: boolean,
  same: ((stamp: string) => boolean) | undefined,
  sink: FileSink,
): { stamp?: string; wrote: boolean } {
  if (typeof content === 'string' || content instanceof Uint8Array) {
    const done = staged(sink, content, stamp, same);
    if (done.wrote) sink.write(abs);
    return done;
  }
  // Held until whole, then written like text (on the writer thread), unless it grows large: then
  // written here as it comes. Hashed as it comes, when asked for a stamp.
  // Hashed as they come only once they are written here (held chunks are hashed where staged).
  let h: ReturnType<typeof createHash> | null = null;
  const held: Uint8Array[] = [];
  let size = 0;
  let fd: number | null = null;
  try {
    for (const chunk of content) {
      if (fd !== null) {
        h?.update(chunk);
        writeAll(fd, chunk);
      } else if ((size += chunk.length) <= HOLD) held.push(chunk);
      else {
        fd = openSync(abs, 'w');
        h = stamp ? createHash('sha1') : null;
        for (const c of [...held.splice(0), chunk]) {
          h?.update(c);
          writeAll(fd, c);
        }
      }
    }
  } finally {
    if (fd !== null) closeSync(fd);
  }
  if (fd === null) {
    const done = staged(sink, held, stamp, same);
    if (done.wrote) sink.write(abs);
    return done;
  }
  const s = h ? `h:${h.digest('base64url')}` : undefined;
  if (s && same?.(s)) {
    rmSync(abs, { force: true });
    return { stamp: s, wrote: false };
  }
  return { stamp: s, wrote: true };
}
