import { utf8Chunks } from '../../src/core/export/utf8.js';

/** The text of a site file's content, whichever form it takes (string, bytes, chunks). */
export function textOf(content: string | Uint8Array | Iterable<Uint8Array>): string {
  if (typeof content === 'string') return content;
  return Buffer.concat(content instanceof Uint8Array ? [content] : [...content]).toString('utf8');
}

/** The bytes `utf8Chunks` makes of some pieces, joined. */
export function bytesOf(pieces: Iterable<string>): Buffer {
  return Buffer.concat([...utf8Chunks(pieces)]);
}
