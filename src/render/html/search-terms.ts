import { fold } from '../../core/fold.js';

/**
 * The exported site's search index: a sorted table of folded terms, each with its postings
 * (document number and weight) encoded as a short string. The browser splits the table
 * into an array, finds a prefix by binary search and decodes only the postings of the
 * terms a query touches, so an index is ready as soon as its script has been parsed — no
 * index object to rebuild, unlike MiniSearch's `loadJSON` (seconds at 10,000 releases).
 *
 * Postings format (site/search.js reads it): entries separated by `,`, each the base-36
 * gap to the previous document number, then `.` and the base-36 weight when the weight
 * is not 2. Weights are field boosts in half units: title 4, names 3, others 2.
 */

/** Splits raw text into words; search.js splits queries with the same two patterns. */
const WORDS = /[^\p{L}\p{N}\p{M}]+/u;
/** Splits a folded word further (folding never adds separators, but stays safe). */
const PARTS = /[^\p{L}\p{N}]+/u;

/** Field weights in half units (title counts twice a tag). */
export const WEIGHT = { title: 4, names: 3, other: 2 } as const;

/** Terms longer than this are not indexed: no one types them, and they only cost bytes. */
const MAX_TERM = 40;

/** Folds words with a cache: the same words recur across thousands of releases. */
export class TermFolder {
  private readonly cache = new Map<string, string[]>();

  /** The folded terms of a text, in order, repeats kept. */
  terms(text: string): string[] {
    const out: string[] = [];
    for (const word of text.split(WORDS)) {
      if (!word) continue;
      let folded = this.cache.get(word);
      if (!folded) {
        folded = fold(word).split(PARTS).filter((t) => t && t.length <= MAX_TERM);
        // Bounded: a 100k archive's vocabulary fits, a pathological one does not grow without end.
        if (this.cache.size > 500_000) this.cache.clear();
        this.cache.set(word, folded);
      }
      for (const t of folded) out.push(t);
    }
    return out;
  }
}

/** Collects postings document by document (in increasing document number) and encodes them. */
export class TermTable {
  /** term → flat [doc, weight, doc, weight, …]. */
  private readonly postings = new Map<string, number[]>();

  constructor(private readonly folder = new TermFolder()) {}

  /** Adds the words of `text` to document `doc` with `weight` per occurrence. */
  add(doc: number, text: string, weight: number): void {
    if (!text) return;
    for (const term of this.folder.terms(text)) {
      let list = this.postings.get(term);
      if (!list) this.postings.set(term, (list = []));
      if (list.length && list[list.length - 2] === doc) list[list.length - 1] += weight;
      else list.push(doc, weight);
    }
  }

  /** The number of distinct terms so far. */
  get size(): number {
    return this.postings.size;
  }

  /** The table as two newline-separated strings: sorted terms, and their postings line by line. */
  encode(): { terms: string; postings: string } {
    const { terms, postings } = this.lines();
    return { terms: terms.join('\n'), postings: [...postings].join('\n') };
  }

  /** The sorted terms, and their postings one line per term, made as they are read. */
  lines(): { terms: string[]; postings: Iterable<string> } {
    // Code-unit order: the browser compares strings the same way in its binary search.
    const terms = [...this.postings.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const postings = this.postings;
    function* lines(): Generator<string> {
      for (const term of terms) {
        const list = postings.get(term)!;
        const parts: string[] = [];
        let prev = 0;
        for (let i = 0; i < list.length; i += 2) {
          const gap = (list[i] - prev).toString(36);
          // Weights saturate: a word written ten times is not ten times as relevant.
          const w = Math.min(list[i + 1], 36 * 36 - 1);
          parts.push(w === 2 ? gap : `${gap}.${w.toString(36)}`);
          prev = list[i];
        }
        yield parts.join(',');
      }
    }
    return { terms, postings: lines() };
  }
}
