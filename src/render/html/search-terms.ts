import { tokens } from '../../core/search/query.js';
import { Line, Slabs } from './search-lines.js';
import { COL } from '../../core/search/site-format.js';
import { type ScannedWords, WordTable } from './search-words.js';
import { encodeTable, LIMITS, type EncodedTable, type LineSource, type ShardLimits } from './search-shards.js';

export { OWN_FILE, SHARD_LIMIT, type EncodedTable, type ShardLimits } from './search-shards.js';
export { Line, Slabs } from './search-lines.js';

/** Counts above this stay at it (site-format.ts packAdd). */
const MAX_TF = 9;

/**
 * The exported site's term table: every folded token of every release with, per release,
 * its count in each index column, written as the shards of src/core/search/site-format.ts.
 * Tokens are the CLI's (`tokens()`: fold, then letters and digits), so the site finds what
 * `releases search` finds.
 */

/** A word of the Markdown thread's not folded yet (search-terms ColumnTable.codes). */
const UNKNOWN = -0x80000000;

/** Tokens longer than this are not indexed: no one types them, and they only cost bytes. */
const MAX_TERM = 40;

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
  /** The Markdown thread's words (ScannedWords) and, by its numbers, their terms as `words` numbers them (UNKNOWN: not folded yet). */
  private scannedWords: readonly string[] | null = null;
  private codes = new Int32Array(0);

  /**
   * Adds one release: its texts, one per column (see site-format.ts COL); with `body`, the
   * words of its body column as the Markdown thread read them (the same words `scan` reads).
   */
  add(doc: number, columns: string[], body?: ScannedWords): void {
    for (let c = 0; c < columns.length; c++) {
      const text = columns[c];
      if (!text) continue;
      const shift = 4 * c;
      if (c === COL.body && body) {
        this.countScanned(body, shift);
        continue;
      }
      this.words.scan(text);
      const { numbers, count } = this.words;
      for (let w = 0; w < count; w++) this.countCode(numbers[w], shift);
    }
    for (const n of this.touched) {
      this.lines[n].push(doc, this.packed[n]);
      this.packed[n] = 0;
    }
    this.touched.length = 0;
  }

  private countCode(n: number, shift: number): void {
    if (n >= 0) this.count(n, shift);
    else if (n < -1) for (const t of this.several[-2 - n]) this.count(t, shift);
  }

  private countScanned({ ids, words }: ScannedWords, shift: number): void {
    if (words !== this.scannedWords) {
      this.scannedWords = words;
      this.codes = new Int32Array(0);
    }
    if (this.codes.length < words.length) {
      const grown = new Int32Array(Math.max(words.length, this.codes.length * 2)).fill(UNKNOWN);
      grown.set(this.codes);
      this.codes = grown;
    }
    const codes = this.codes;
    for (let w = 0; w < ids.length; w++) {
      const id = ids[w];
      let n = codes[id];
      if (n === UNKNOWN) n = codes[id] = this.learn(words[id]);
      this.countCode(n, shift);
    }
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
