import { UnusableData, type TextTable } from './search-earlier.js';
import type { Line } from './search-terms.js';
import { encodeTable, LIMITS, type EncodedTable, type ShardLimits } from './search-shards.js';

/**
 * Patching the term table of an earlier export (format: src/core/search/site-format.ts):
 * the earlier posting lines keep the entries of the documents that did not change, the
 * changed documents' entries are merged in, and the result is encoded as a fresh build
 * would encode the same table, byte for byte.
 */

/** The earlier table with the entries of documents not in `keep` dropped and the new lines merged in, encoded. */
export function patchTable(
  earlier: TextTable,
  keep: Uint8Array,
  added: { terms: string[]; lines: Line[] },
  limits: ShardLimits = LIMITS,
): EncodedTable {
  const terms: string[] = [];
  const texts: string[] = [];
  const counts: number[] = [];
  const put = (t: string, text: string, count: number) => {
    if (!count) return;
    terms.push(t);
    texts.push(text);
    counts.push(count);
  };
  const a = earlier.terms;
  const b = added.terms;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i] < b[j])) {
      put(a[i], merge(earlier.lines[i], keep, ''), merged);
      i++;
    } else if (i >= a.length || b[j] < a[i]) {
      put(b[j], added.lines[j].text(), added.lines[j].count);
      j++;
    } else {
      put(a[i], merge(earlier.lines[i], keep, added.lines[j].text()), merged);
      i++;
      j++;
    }
  }
  return encodeTable(terms, { length: (k) => texts[k].length, count: (k) => counts[k], text: (k) => texts[k] }, limits);
}

/** Entries in the line `merge` gave last. */
let merged = 0;

/**
 * The entries of `old` whose documents are kept, merged by document with every entry of
 * `fresh` (their documents are never kept ones), as one line; `merged` counts its entries.
 * A line that loses nothing and gains nothing is returned as it is; runs of old entries
 * whose gaps stay are copied as they are.
 */
export function merge(old: string, keep: Uint8Array, fresh: string): string {
  const x = new Cursor(old);
  const y = new Cursor(fresh);
  x.next();
  y.next();
  let out = '';
  let prev = 0;
  let oldPrev = 0;
  let count = 0;
  // The run of old entries copied as they are: [run, runEnd) of `old`, or none when run < 0.
  let run = -1;
  let runEnd = 0;
  const flush = () => {
    if (run < 0) return;
    out += (out ? ',' : '') + old.slice(run, runEnd);
    run = -1;
  };
  for (;;) {
    if (x.doc >= 0 && (y.doc < 0 || x.doc < y.doc)) {
      const doc = x.doc;
      if (doc >= keep.length) throw new UnusableData('a posting line is malformed');
      if (!keep[doc]) flush();
      else {
        if (prev === oldPrev) {
          // Its gap is unchanged: it joins the run.
          if (run < 0) run = x.start;
          runEnd = x.end;
        } else {
          flush();
          out += (out ? ',' : '') + (doc - prev).toString(36) + old.slice(x.suffix, x.end);
        }
        prev = doc;
        count++;
      }
      oldPrev = doc;
      x.next();
    } else if (y.doc >= 0) {
      flush();
      out += (out ? ',' : '') + (y.doc - prev).toString(36) + fresh.slice(y.suffix, y.end);
      prev = y.doc;
      count++;
      y.next();
    } else break;
  }
  merged = count;
  if (run === 0 && runEnd === old.length && !out) return old;
  flush();
  return out;
}

/** Reads the entries of a line one by one: document, and where its suffix (`.…`, possibly empty) lies. */
class Cursor {
  pos = 0;
  start = 0;
  doc = -1;
  suffix = 0;
  end = 0;
  private sum = 0;

  constructor(readonly text: string) {}

  /** Moves to the next entry; doc is -1 past the last. */
  next(): void {
    const s = this.text;
    if (this.pos >= s.length) {
      this.doc = -1;
      return;
    }
    let gap = 0;
    let i = (this.start = this.pos);
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 44 || c === 46) break;
      if (c >= 48 && c <= 57) gap = gap * 36 + c - 48;
      else if (c >= 97 && c <= 122) gap = gap * 36 + c - 87;
      else throw new UnusableData('a posting line is malformed');
    }
    if (this.pos > 0 && gap === 0) throw new UnusableData('a posting line is malformed');
    this.suffix = i;
    while (i < s.length && s.charCodeAt(i) !== 44) i++;
    this.end = i;
    this.pos = i + 1;
    this.doc = this.sum += gap;
  }
}
