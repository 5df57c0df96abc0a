/**
 * Encodes text given in pieces as UTF-8 chunks of a few kilobytes, made while the file is
 * written, without ever joining it into one string. A large page built as a string costs
 * twice its bytes (Cyrillic is two bytes a character in V8) for each copy a join or template
 * makes, and strings over 128 KB go straight to V8's old generation, where they stay until a
 * full collection. Chunks live outside the JavaScript heap, and a 30 MB search index never
 * sits in memory whole, not even as one buffer.
 */
export function* utf8Chunks(pieces: Iterable<string>): Generator<Buffer> {
  let pending = '';
  for (const piece of pieces) {
    pending += piece;
    // Small pieces are gathered first: one Buffer per few kilobytes, not per list item.
    if (pending.length >= 16_384) {
      // A piece that ends inside a surrogate pair keeps its half for the next buffer.
      const cut = isHighSurrogate(pending.charCodeAt(pending.length - 1)) ? pending.length - 1 : pending.length;
      yield Buffer.from(pending.slice(0, cut), 'utf8');
      pending = pending.slice(cut);
    }
  }
  if (pending) yield Buffer.from(pending, 'utf8');
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
