import { tokens } from '../../core/search/query.js';
import { COL, packAdd, postingEntry } from '../../core/search/site-format.js';
import { encodeTable, LIMITS, type EncodedTable, type LineSource, type ShardLimits } from './search-shards.js';

export { OWN_FILE, SHARD_LIMIT, type EncodedTable, type ShardLimits } from './search-shards.js';

const BODY_ONCE = packAdd(0, COL.body);

/**
 * The exported site's term table: every folded token of every release with, per release,
 * its count in each index column, written as the shards of src/core/search/site-format.ts.
 * Tokens are the CLI's (`tokens()`: fold, then letters and digits), so the site finds what
 * `releases search` finds.
 */

/** What separates words (splitting is several times faster than matching every word). */
const BETWEEN = /[^\p{L}\p{N}\p{M}]+/u;
/** Tokens longer than this are not indexed: no one types them, and they only cost bytes. */
const MAX_TERM = 40;
/**
 * One term's posting line, encoded as its postings arrive: ASCII bytes in a buffer that
 * doubles when full. At 100k releases the table holds ~25 million postings; as numbers in
 * arrays they took ~8 bytes each plus growth, as text ~3.
 */
export class Line {
  bytes = new Uint8Array(8);
  length = 0;
  last = 0;
  count = 0;

  push(doc: number, packed: number): void {
    const gap = doc - this.last;
    // The common entry, a small gap once in the body, without making a string.
    if (packed === BODY_ONCE && gap < 36 && this.length + 2 <= this.bytes.length) {
      if (this.count) this.bytes[this.length++] = 44;
      this.bytes[this.length++] = gap < 10 ? 48 + gap : 87 + gap;
      this.last = doc;
      this.count++;
      return;
    }
    const entry = (this.count ? ',' : '') + postingEntry(gap, packed);
    if (this.length + entry.length > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + entry.length));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    for (let i = 0; i < entry.length; i++) this.bytes[this.length++] = entry.charCodeAt(i);
    this.last = doc;
    this.count++;
  }

  text(): string {
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.length).toString('latin1');
  }
}

/** Folds words with a memo: the same words recur across thousands of releases. */
export class TermFolder {
  private readonly cache = new Map<string, string[]>();

  /** The folded tokens of a text, in order, repeats kept. */
  terms(text: string): string[] {
    const out: string[] = [];
    for (const word of text.split(BETWEEN)) {
      if (!word) continue;
      let folded = this.cache.get(word);
      if (!folded) {
        folded = tokens(word).filter((t) => t.length <= MAX_TERM);
        // Bounded: a 100k archive's vocabulary fits, a pathological one does not grow without end.
        if (this.cache.size > 500_000) this.cache.clear();
        this.cache.set(word, folded);
      }
      for (const t of folded) out.push(t);
    }
    return out;
  }
}

/** Collects postings release by release (in increasing document number, as the pages are written) and encodes them. */
export class ColumnTable {
  /** term → its posting line so far. */
  private readonly postings = new Map<string, Line>();
  private readonly folder = new TermFolder();

  /** Adds one release: its texts, one per column (see site-format.ts COL). */
  add(doc: number, columns: string[]): void {
    const counts = new Map<string, number>();
    columns.forEach((text, c) => {
      if (text) for (const t of this.folder.terms(text)) counts.set(t, packAdd(counts.get(t) ?? 0, c));
    });
    for (const [t, packed] of counts) {
      let line = this.postings.get(t);
      if (!line) this.postings.set(t, (line = new Line()));
      line.push(doc, packed);
    }
  }

  /** The terms in code-unit order (the engine compares strings the same way in its binary search) and their lines. */
  sorted(): { terms: string[]; lines: Line[] } {
    const terms = [...this.postings.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return { terms, lines: terms.map((t) => this.postings.get(t)!) };
  }

  /** Sorted terms split into shards of at most about SHARD_LIMIT bytes by their prefixes; texts made shard by shard. */
  encode(limits: ShardLimits = LIMITS): EncodedTable {
    const { terms, lines } = this.sorted();
    return encodeTable(terms, linesOf(lines), limits);
  }
}

/** A LineSource over Line objects. */
export function linesOf(lines: Line[]): LineSource {
  return { length: (i) => lines[i].length, count: (i) => lines[i].count, text: (i) => lines[i].text() };
}
