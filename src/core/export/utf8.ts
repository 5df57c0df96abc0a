/** The size of each chunk: large enough that a chunk costs little, small enough to stay young. */
const CHUNK = 64 * 1024;

/**
 * Encodes text given in pieces as UTF-8 chunks of up to 64 KB, made while the file is
 * written, without ever joining it into one string. A large page built as a string costs
 * twice its bytes (Cyrillic is two bytes a character in V8) for each copy a join or template
 * makes, and strings over 128 KB go straight to V8's old generation, where they stay until a
 * full collection. Each piece is encoded straight into the chunk being filled; chunks live
 * outside the JavaScript heap, and a large file never sits in memory whole as one string.
 */
export function* utf8Chunks(pieces: Iterable<string>): Generator<Buffer> {
  let chunk = Buffer.allocUnsafe(CHUNK);
  let used = 0;
  // A piece that ends inside a surrogate pair gives its half to the next piece.
  let half = '';
  for (let piece of pieces) {
    if (half) {
      piece = half + piece;
      half = '';
    }
    if (piece.length && isHighSurrogate(piece.charCodeAt(piece.length - 1))) {
      half = piece.slice(-1);
      piece = piece.slice(0, -1);
    }
    // At most 3 bytes a UTF-16 unit (a pair's 4 bytes are 2 units).
    if (used + piece.length * 3 > CHUNK) {
      if (used) {
        yield chunk.subarray(0, used);
        chunk = Buffer.allocUnsafe(CHUNK);
        used = 0;
      }
      if (piece.length * 3 > CHUNK) {
        yield Buffer.from(piece, 'utf8');
        continue;
      }
    }
    used += chunk.write(piece, used, 'utf8');
  }
  if (half) {
    if (used + 3 > CHUNK) {
      yield chunk.subarray(0, used);
      chunk = Buffer.allocUnsafe(CHUNK);
      used = 0;
    }
    used += chunk.write(half, used, 'utf8');
  }
  if (used) yield chunk.subarray(0, used);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
