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
 * A line that loses nothing and gains nothing is returned as it is.
 */
export function merge(old: string, keep: Uint8Array, fresh: string): string {
  if (!fresh) {
    const n = keptWhole(old, keep);
    if (n >= 0) {
      merged = n;
      return n ? old : '';
    }
  }
  const x = new Cursor(old);
  const y = new Cursor(fresh);
  x.next();
  y.next();
  let out = '';
  let prev = 0;
  let count = 0;
  for (;;) {
    while (x.doc >= 0 && !keep[x.doc]) {
      if (x.doc >= keep.length) throw new UnusableData('a posting line is malformed');
      x.next();
    }
    const from = x.doc >= 0 && (y.doc < 0 || x.doc < y.doc) ? x : y.doc >= 0 ? y : null;
    if (!from) break;
    out += (count ? ',' : '') + (from.doc - prev).toString(36) + from.text.slice(from.suffix, from.end);
    prev = from.doc;
    count++;
    from.next();
  }
  merged = count;
  return out;
}

/** Entries of a line when every one of its documents is kept, else -1. Throws UnusableData on a malformed line. */
function keptWhole(line: string, keep: Uint8Array): number {
  let doc = 0;
  let gap = 0;
  let count = 0;
  let inGap = true;
  for (let i = 0; i <= line.length; i++) {
    const c = i < line.length ? line.charCodeAt(i) : 44;
    if (c === 44) {
      doc += gap;
      if ((count && !gap) || doc >= keep.length) throw new UnusableData('a posting line is malformed');
      if (!keep[doc]) return -1;
      count++;
      gap = 0;
      inGap = true;
    } else if (!inGap) continue;
    else if (c === 46) inGap = false;
    else if (c >= 48 && c <= 57) gap = gap * 36 + c - 48;
    else if (c >= 97 && c <= 122) gap = gap * 36 + c - 87;
    else throw new UnusableData('a posting line is malformed');
  }
  return count;
}

/** Reads the entries of a line one by one: document, and where its suffix (`.…`, possibly empty) lies. */
class Cursor {
  pos = 0;
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
    let i = this.pos;
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
