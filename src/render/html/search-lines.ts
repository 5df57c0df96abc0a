/** Posting lines of the site's term table (search-terms.ts), kept as ASCII bytes in pieces of shared slabs. */
import { COL, COLUMN_COUNT } from '../../core/search/site-format.js';
import { packAdd } from '../../core/search/site-postings.js';

const EMPTY = new Uint8Array(0);
const BODY_ONCE = packAdd(0, COL.body);
/** The size of the slabs lines take their pieces from, and the largest piece. */
const SLAB = 1 << 20;
const PIECE = 4096;

/**
 * Memory for posting lines, handed out in pieces cut from 1 MB slabs. A line grows by adding
 * pieces (doubling up to 4 KB), never by copying into a larger buffer: the outgrown buffers
 * of that scheme lingered until a full garbage collection (at 100k releases ~130 MB of
 * buffers held ~73 MB of lines), where a piece wastes at most its unused tail.
 */
export class Slabs {
  private slab = new Uint8Array(0);
  private used = 0;

  constructor(private readonly size = SLAB) {}

  /** A new piece of `n` bytes. */
  take(n: number): Uint8Array {
    if (this.used + n > this.slab.length) {
      this.slab = new Uint8Array(Math.max(this.size, n));
      this.used = 0;
    }
    this.used += n;
    return this.slab.subarray(this.used - n, this.used);
  }
}

/** One entry's bytes when it does not fit in the piece at hand. */
const scratch = new Uint8Array(64);
/**
 * Where a line's text is put together: one buffer for all lines. A buffer per line (up to
 * ~0.5 MB at 100k releases) left ~30 MB of dead buffers at the end of a 100k export.
 */
let scratchText = Buffer.allocUnsafeSlow(64 * 1024);

/**
 * One term's posting line, encoded as its postings arrive: ASCII bytes in pieces (see Slabs).
 * At 100k releases the table holds ~25 million postings; as numbers in arrays they took ~8
 * bytes each plus growth, as text ~3.
 */
export class Line {
  private pieces: Uint8Array[] = [];
  private piece: Uint8Array = EMPTY;
  private at = 0;
  length = 0;
  last = 0;
  count = 0;

  constructor(private readonly slabs: Slabs = new Slabs(256)) {}

  /** Appends the entry of `doc` (after the last one) with its packed column counts, as site-format.ts postingEntry writes it. */
  push(doc: number, packed: number): void {
    const gap = doc - this.last;
    let digits = 1;
    for (let g = gap; g >= 36; g = (g - (g % 36)) / 36) digits++;
    let size = (this.count ? 1 : 0) + digits;
    if (packed !== BODY_ONCE) {
      size++;
      for (let c = 0; c < COLUMN_COUNT; c++) {
        const tf = (packed >>> (4 * c)) & 15;
        if (tf) size += tf > 1 ? 2 : 1;
      }
    }
    // Written in place when it fits in the piece at hand, else through `scratch` across pieces.
    const fits = this.at + size <= this.piece.length;
    const b = fits ? this.piece : scratch;
    let n = fits ? this.at : 0;
    if (this.count) b[n++] = 44;
    for (let k = digits - 1, g = gap; k >= 0; k--) {
      const d = g % 36;
      b[n + k] = d < 10 ? 48 + d : 87 + d;
      g = (g - d) / 36;
    }
    n += digits;
    if (packed !== BODY_ONCE) {
      b[n++] = 46;
      for (let c = 0; c < COLUMN_COUNT; c++) {
        const tf = (packed >>> (4 * c)) & 15;
        if (!tf) continue;
        b[n++] = 97 + c;
        if (tf > 1) b[n++] = 48 + tf;
      }
    }
    if (fits) this.at = n;
    else this.append(size);
    this.length += size;
    this.last = doc;
    this.count++;
  }

  /** Appends the first `size` bytes of `scratch`, taking new pieces as they are needed. */
  private append(size: number): void {
    for (let k = 0; k < size; ) {
      if (this.at === this.piece.length) {
        this.piece = this.slabs.take(Math.min(PIECE, Math.max(8, this.piece.length * 2)));
        this.pieces.push(this.piece);
        this.at = 0;
      }
      const n = Math.min(size - k, this.piece.length - this.at);
      this.piece.set(scratch.subarray(k, k + n), this.at);
      this.at += n;
      k += n;
    }
  }

  /** The text, between `before` and `after` when given (ASCII both): one string made, in a buffer reused from line to line. */
  text(before = '', after = ''): string {
    const size = before.length + this.length + after.length;
    if (scratchText.length < size) scratchText = Buffer.allocUnsafeSlow(Math.max(size, scratchText.length * 2));
    let n = scratchText.write(before, 0, 'latin1');
    for (const p of this.pieces) {
      const part = p === this.piece ? p.subarray(0, this.at) : p;
      scratchText.set(part, n);
      n += part.length;
    }
    n += scratchText.write(after, n, 'latin1');
    return scratchText.toString('latin1', 0, n);
  }

  /** The text, and the pieces let go (length and count stay): for a line whose text is wanted once. */
  take(before = '', after = ''): string {
    const text = this.text(before, after);
    this.pieces = [];
    this.piece = EMPTY;
    return text;
  }
}
