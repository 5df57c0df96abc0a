import { createHash } from 'node:crypto';
import { closeSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { bytesStamp } from './manifest.js';

/** The bytes of one file of a site: text, bytes, or bytes made chunk by chunk while it is written. */
export type FileContent = string | Uint8Array | Iterable<Uint8Array>;

/** A chunked file is held in memory up to this size, to be written whole on the writer thread or kept when the old one has its bytes. */
const HOLD = 8 * 1024 * 1024;

function writeAll(fd: number, chunk: Uint8Array): void {
  for (let done = 0; done < chunk.length; ) done += writeSync(fd, chunk, done);
}

/**
 * Writes `content` to `abs` unless `same` says the old site already holds these bytes (given
 * their stamp). With `stamp` false the bytes are neither hashed nor compared. Text, bytes and
 * chunks up to HOLD go to `put` (a queue of writes on a writer thread); longer chunked files
 * are written here, as they come.
 * Returns the stamp (when asked for) and whether the file was (or is being) written.
 */
export function writeContent(
  abs: string,
  content: FileContent,
  stamp: boolean,
  same?: (stamp: string) => boolean,
  put: (abs: string, data: string | Uint8Array) => void = writeFileSync,
): { stamp?: string; wrote: boolean } {
  if (typeof content === 'string' || content instanceof Uint8Array) {
    // Text to be hashed is encoded once, for the hash and the write alike.
    const data = stamp && typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const s = stamp ? bytesStamp(data) : undefined;
    if (s && same?.(s)) return { stamp: s, wrote: false };
    put(abs, data);
    return { stamp: s, wrote: true };
  }
  // Held until whole, then written like text (on the writer thread), unless it grows large: then
  // written here as it comes. Hashed as it comes, when asked for a stamp.
  const h = stamp ? createHash('sha1') : null;
  const held: Uint8Array[] = [];
  let size = 0;
  let fd: number | null = null;
  try {
    for (const chunk of content) {
      h?.update(chunk);
      if (fd !== null) writeAll(fd, chunk);
      else if ((size += chunk.length) <= HOLD) held.push(chunk);
      else {
        fd = openSync(abs, 'w');
        for (const c of held.splice(0)) writeAll(fd, c);
        writeAll(fd, chunk);
      }
    }
  } finally {
    if (fd !== null) closeSync(fd);
  }
  const s = h ? `h:${h.digest('base64url')}` : undefined;
  if (s && same?.(s)) {
    if (fd !== null) rmSync(abs, { force: true });
    return { stamp: s, wrote: false };
  }
  if (fd === null) put(abs, held.length === 1 ? held[0] : Buffer.concat(held, size));
  return { stamp: s, wrote: true };
}
