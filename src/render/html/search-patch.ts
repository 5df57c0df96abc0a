import { UnusableData, type TextTable } from './search-earlier.js';
import type { Line } from './search-terms.js';
import { sameFiles } from './search-same.js';
import { encodeTable, LIMITS, type EncodedTable, type ShardLimits } from './search-shards.js';

/**
 * Patching the term table of an earlier export (format: src/core/search/site-format.ts):
 * the earlier posting lines keep the entries of the documents that did not change, the
 * changed documents' entries are merged in, and the result is encoded as a fresh build
 * would encode the same table, byte for byte.
 */

/**
 * The earlier table with the entries of documents not in `keep` dropped and the new lines merged in, encoded.
 * A merged line of an earlier line in a file of its own is kept only within `limits.kept`
 * characters; past that its length and count are noted, and it is merged again from the file
 * when its text is wanted (at 100k releases those lines hold ~80 MB). The same file must
 * give the same line then (checked).
 */
export function patchTable(
  earlier: TextTable,
  keep: Uint8Array,
  added: { terms: string[]; lines: Line[] },
  limits: ShardLimits = LIMITS,
): EncodedTable {
  const terms: string[] = [];
  // Per merged term: its text (null: merged again from the earlier line `from` and the added line `with`), length and entries.
  const texts: (string | null)[] = [];
  const lengths: number[] = [];
  const counts: number[] = [];
  const from: number[] = [];
  const withAdded: number[] = [];
  // Characters of such lines still kept rather than read and merged again.
  let budget = limits.kept ?? 0;
  // Merged terms whose line is not the earlier one as it was (new, changed, or next to a term that went).
  const dirty: number[] = [];
  const put = (t: string, text: string, count: number, i: number, j: number) => {
    if (!count) {
      dirty.push(terms.length - 1, terms.length);
      return;
    }
    if (i < 0 || j >= 0 || text !== lastLine) dirty.push(terms.length);
    terms.push(t);
    texts.push(i >= 0 && earlier.entries[i] >= 0 && (budget -= text.length) < 0 ? null : text);
    lengths.push(text.length);
    counts.push(count);
    from.push(i);
    withAdded.push(j);
  };
  // A long line read from its own file must hold as many entries as its pointer says.
  const check = (k: number) => {
    if (earlier.entries[k] >= 0 && earlier.entries[k] !== scanned) throw new UnusableData('a long posting line does not match its pointer');
  };
  // The earlier line merged last: `merge` gives it back as it is when nothing changes.
  let lastLine = '';
  const earlierLine = (k: number) => (lastLine = earlier.line(k));
  const a = earlier.terms;
  const b = added.terms;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i] < b[j])) {
      put(a[i], merge(earlierLine(i), keep, ''), merged, i, -1);
      check(i++);
    } else if (i >= a.length || b[j] < a[i]) {
      put(b[j], added.lines[j].text(), added.lines[j].count, -1, j);
      j++;
    } else {
      put(a[i], merge(earlierLine(i), keep, added.lines[j].text()), merged, i, j);
      check(i++);
      j++;
    }
  }
  const text = (k: number): string => {
    const known = texts[k];
    if (known !== null) return known;
    const j = withAdded[k];
    // The file gives the line it gave before (TextTable.line checks), so the merge gives the same text.
    return merge(earlier.line(from[k]), keep, j >= 0 ? added.lines[j].text() : '');
  };
  const table = encodeTable(
    terms,
    { length: (k) => lengths[k], count: (k) => counts[k], text: (k, before = '', after = '') => before + text(k) + after },
    limits,
  );
  table.same = sameFiles(earlier, terms, from, dirty, table);
  return table;
}

/** Entries in the line `merge` gave last. */
let merged = 0;

/** Entries of the old line `merge` read last, kept or not. */
let scanned = 0;

/**
 * The entries of `old` whose documents are kept, merged by document with every entry of
 * `fresh` (their documents are never kept ones), as one line; `merged` counts its entries.
 * A line that loses nothing and gains nothing is returned as it is; runs of old entries
 * whose gaps stay are copied as they are. One pass over the old line's characters.
 */
export function merge(old: string, keep: Uint8Array, fresh: string): string {
  const y = new Cursor(fresh);
  y.next();
  let out = '';
  let prev = 0;
  let oldPrev = 0;
  let count = 0;
  let entries = 0;
  // The run of old entries copied as they are: [run, runEnd) of `old`, or none when run < 0.
  let run = -1;
  let runEnd = 0;
  let doc = 0;
  let gap = 0;
  let start = 0;
  let suffix = -1;
  const n = old.length;
  for (let i = n ? 0 : 1; i <= n; i++) {
    const c = i < n ? old.charCodeAt(i) : 44;
    if (c !== 44) {
      if (suffix >= 0) {
        // Columns a–g, counts 2–9: what is written back must be a posting line.
        if ((c < 97 || c > 103) && (c < 50 || c > 57)) throw new UnusableData('a posting line is malformed');
        continue;
      }
      if (c === 46) suffix = i;
      else if (c >= 48 && c <= 57) gap = gap * 36 + c - 48;
      else if (c >= 97 && c <= 122) gap = gap * 36 + c - 87;
      else throw new UnusableData('a posting line is malformed');
      continue;
    }
    // An old entry ends at i: old[start, i), its suffix from `suffix` (or none).
    doc += gap;
    if ((entries && !gap) || doc >= keep.length) throw new UnusableData('a posting line is malformed');
    entries++;
    while (y.doc >= 0 && y.doc < doc) {
      if (run >= 0) (out += (out ? ',' : '') + old.slice(run, runEnd)), (run = -1);
      out += (out ? ',' : '') + (y.doc - prev).toString(36) + fresh.slice(y.suffix, y.end);
      prev = y.doc;
      count++;
      y.next();
    }
    if (!keep[doc]) {
      if (run >= 0) (out += (out ? ',' : '') + old.slice(run, runEnd)), (run = -1);
    } else {
      if (prev === oldPrev) {
        // Its gap is unchanged: it joins the run.
        if (run < 0) run = start;
        runEnd = i;
      } else {
        if (run >= 0) (out += (out ? ',' : '') + old.slice(run, runEnd)), (run = -1);
        out += (out ? ',' : '') + (doc - prev).toString(36) + (suffix < 0 ? '' : old.slice(suffix, i));
      }
      prev = doc;
      count++;
    }
    oldPrev = doc;
    gap = 0;
    suffix = -1;
    start = i + 1;
  }
  scanned = entries;
  if (run === 0 && runEnd === n && !out && y.doc < 0) {
    merged = count;
    return old;
  }
  if (run >= 0) out += (out ? ',' : '') + old.slice(run, runEnd);
  for (; y.doc >= 0; y.next()) {
    out += (out ? ',' : '') + (y.doc - prev).toString(36) + fresh.slice(y.suffix, y.end);
    prev = y.doc;
    count++;
  }
  merged = count;
  return out;
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
      gap = gap * 36 + (c <= 57 ? c - 48 : c - 87);
    }
    this.suffix = i;
    while (i < s.length && s.charCodeAt(i) !== 44) i++;
    this.end = i;
    this.pos = i + 1;
    this.doc = this.sum += gap;
  }
}
