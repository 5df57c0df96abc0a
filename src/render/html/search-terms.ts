import { tokens } from '../../core/search/query.js';
import { encodePostings, packAdd } from '../../core/search/site-format.js';

/**
 * The exported site's term table: every folded token of every release with, per release,
 * its count in each index column, written as the shards of src/core/search/site-format.ts.
 * Tokens are the CLI's (`tokens()`: fold, then letters and digits), so the site finds what
 * `releases search` finds.
 */

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
/** Tokens longer than this are not indexed: no one types them, and they only cost bytes. */
const MAX_TERM = 40;
/** A posting line longer than this gets a file of its own (`p/<n>`), so its shard stays small. */
export const OWN_FILE = 4096;
/** A shard larger than this is split by one more letter of its terms' prefix. */
export const SHARD_LIMIT = 20_000;
const SHIFT = 2 ** 28;

/** Folds words with a memo: the same words recur across thousands of releases. */
export class TermFolder {
  private readonly cache = new Map<string, string[]>();

  /** The folded tokens of a text, in order, repeats kept. */
  terms(text: string): string[] {
    const out: string[] = [];
    for (const m of text.matchAll(WORD)) {
      let folded = this.cache.get(m[0]);
      if (!folded) {
        folded = tokens(m[0]).filter((t) => t.length <= MAX_TERM);
        // Bounded: a 100k archive's vocabulary fits, a pathological one does not grow without end.
        if (this.cache.size > 500_000) this.cache.clear();
        this.cache.set(m[0], folded);
      }
      for (const t of folded) out.push(t);
    }
    return out;
  }
}

/** The shards of a table: keys, then per shard its terms and lines; long lines as their own files. */
export interface EncodedTable {
  keys: string[];
  shards: [string, string][];
  own: string[];
}

/** Collects postings release by release (in increasing document number) and encodes them. */
export class ColumnTable {
  /** term → [doc × 2^28 + packed column counts, …]. */
  private readonly postings = new Map<string, number[]>();
  private readonly folder = new TermFolder();

  /** Adds one release: its texts, one per column (see site-format.ts COL). */
  add(doc: number, columns: string[]): void {
    const counts = new Map<string, number>();
    columns.forEach((text, c) => {
      if (text) for (const t of this.folder.terms(text)) counts.set(t, packAdd(counts.get(t) ?? 0, c));
    });
    for (const [t, packed] of counts) {
      const list = this.postings.get(t);
      if (list) list.push(doc * SHIFT + packed);
      else this.postings.set(t, [doc * SHIFT + packed]);
    }
  }

  /** The posting line of one term. */
  private line(term: string): string {
    const list = this.postings.get(term)!;
    return encodePostings(
      list.map((v) => Math.floor(v / SHIFT)),
      list.map((v) => v % SHIFT),
    );
  }

  /** Sorted terms split into shards of at most about SHARD_LIMIT bytes by their prefixes. */
  encode(): EncodedTable {
    // Code-unit order: the engine compares strings the same way in its binary search.
    const terms = [...this.postings.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const own: string[] = [];
    const lines = terms.map((t) => {
      const line = this.line(t);
      if (line.length <= OWN_FILE) return line;
      own.push(line);
      return `@${own.length - 1}:${this.postings.get(t)!.length}`;
    });
    const sizes = terms.map((t, i) => t.length + lines[i].length + 2);
    const groups: { key: string; from: number; to: number }[] = [];
    split(terms, sizes, 0, terms.length, 0, '', groups);
    groups.sort((a, b) => (a.key < b.key ? -1 : 1));
    // Each group is the contiguous run of terms whose longest key is its own (see split).
    const shards = groups.map((g): [string, string] => [terms.slice(g.from, g.to).join('\n'), lines.slice(g.from, g.to).join('\n')]);
    return { keys: groups.map((g) => g.key), shards, own };
  }
}

/** Splits terms[from, to) (all starting with `key`) by one more letter while they are too large. */
function split(terms: string[], sizes: number[], from: number, to: number, depth: number, key: string, out: { key: string; from: number; to: number }[]): void {
  let size = 0;
  for (let i = from; i < to; i++) size += sizes[i];
  if (depth > 0 && (size <= SHARD_LIMIT || terms.slice(from, to).every((t) => t.length <= depth))) {
    out.push({ key, from, to });
    return;
  }
  let i = from;
  // Terms exactly as long as the key stay in the key's own shard.
  if (depth > 0 && terms[i] === key) {
    out.push({ key, from: i, to: i + 1 });
    i++;
  }
  while (i < to) {
    const next = terms[i].slice(0, depth + 1);
    let j = i + 1;
    while (j < to && terms[j].startsWith(next)) j++;
    split(terms, sizes, i, j, depth + 1, next, out);
    i = j;
  }
}
