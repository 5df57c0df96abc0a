import { tokens } from '../../core/search/query.js';
import { COL, COLUMN_COUNT, packAdd } from '../../core/search/site-format.js';
import { WordTable } from './search-words.js';
import { encodeTable, LIMITS, type EncodedTable, type LineSource, type ShardLimits } from './search-shards.js';

export { OWN_FILE, SHARD_LIMIT, type EncodedTable, type ShardLimits } from './search-shards.js';

const EMPTY = new Uint8Array(0);
const BODY_ONCE = packAdd(0, COL.body);
/** Counts above this stay at it (site-format.ts packAdd). */
const MAX_TF = 9;

/**
 * The exported site's term table: every folded token of every release with, per release,
 * its count in each index column, written as the shards of src/core/search/site-format.ts.
 * Tokens are the CLI's (`tokens()`: fold, then letters and digits), so the site finds what
 * `releases search` finds.
 */

/** Tokens longer than this are not indexed: no one types them, and they only cost bytes. */
const MAX_TERM = 40;
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

/**
 * Collects postings release by release (in increasing document number, as the pages are
 * written) and encodes them. Terms are numbered as they first appear, and each distinct word
 * is folded once into its terms' numbers: the hot loop counts in a typed array, without a
 * Map lookup per token.
 */
export class ColumnTable {
  /** Term number → term, and its posting line so far. */
  private readonly termOf: string[] = [];
  private readonly lines: Line[] = [];
  private readonly slabs = new Slabs();
  private readonly numberOf = new Map<string, number>();
  /** Word → its term's number (≥ 0), -1 when it has none, -2 - k when it has several (`several[k]`). */
  private readonly words = new WordTable((word) => this.learn(word));
  private readonly several: Int32Array[] = [];
  /** Packed column counts of each term in the release being added, and the terms it has. */
  private packed = new Int32Array(1024);
  private readonly touched: number[] = [];

  /** Adds one release: its texts, one per column (see site-format.ts COL). */
  add(doc: number, columns: string[]): void {
    for (let c = 0; c < columns.length; c++) {
      const text = columns[c];
      if (!text) continue;
      const shift = 4 * c;
      this.words.scan(text);
      const { numbers, count } = this.words;
      for (let w = 0; w < count; w++) {
        const n = numbers[w];
        if (n >= 0) this.count(n, shift);
        else if (n < -1) for (const t of this.several[-2 - n]) this.count(t, shift);
      }
    }
    for (const n of this.touched) {
      this.lines[n].push(doc, this.packed[n]);
      this.packed[n] = 0;
    }
    this.touched.length = 0;
  }

  private count(n: number, shift: number): void {
    const p = this.packed[n];
    if (p === 0) this.touched.push(n);
    if (((p >>> shift) & 15) < MAX_TF) this.packed[n] = p + (1 << shift);
  }

  /** Folds a word seen for the first time (tokens(): fold, then letters and digits). */
  private learn(word: string): number {
    const numbers: number[] = [];
    for (const t of tokens(word)) if (t.length <= MAX_TERM) numbers.push(this.number(t));
    return numbers.length === 0 ? -1 : numbers.length === 1 ? numbers[0] : -2 - this.several.push(Int32Array.from(numbers)) + 1;
  }

  private number(term: string): number {
    let n = this.numberOf.get(term);
    if (n !== undefined) return n;
    n = this.termOf.length;
    this.numberOf.set(term, n);
    this.termOf.push(term);
    this.lines.push(new Line(this.slabs));
    if (n >= this.packed.length) {
      const grown = new Int32Array(this.packed.length * 2);
      grown.set(this.packed);
      this.packed = grown;
    }
    return n;
  }

  /** The terms in code-unit order (the engine compares strings the same way in its binary search) and their lines. */
  sorted(): { terms: string[]; lines: Line[] } {
    const terms = this.termOf;
    const order = terms.map((_, i) => i).sort((a, b) => (terms[a] < terms[b] ? -1 : terms[a] > terms[b] ? 1 : 0));
    return { terms: order.map((i) => terms[i]), lines: order.map((i) => this.lines[i]) };
  }
  /** Sorted terms split into shards of at most about SHARD_LIMIT bytes by their prefixes; texts made shard by shard. */
  encode(limits: ShardLimits = LIMITS): EncodedTable {
    const { terms, lines } = this.sorted();
    return encodeTable(terms, linesOf(lines), limits);
  }
}

/** A LineSource over Line objects; each line's buffer is let go once its text is made (encodeTable asks once). */
export function linesOf(lines: Line[]): LineSource {
  return { length: (i) => lines[i].length, count: (i) => lines[i].count, text: (i, before, after) => lines[i].take(before, after) };
}
