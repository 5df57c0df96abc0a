import { UnusableData } from './search-earlier.js';

// Merging one posting line of an earlier export with a changed document's entries
// (format: src/core/search/site-format.ts); search-patch.ts does it for a whole table.

/** What the last `merge` counted: entries in the line it gave, and entries of the old line it read, kept or not. */
export const lastMerge = { merged: 0, scanned: 0 };

/**
 * The entries of `old` whose documents are kept, merged by document with every entry of
 * `fresh` (their documents are never kept ones), as one line; `lastMerge` counts its entries.
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
  lastMerge.scanned = entries;
  if (run === 0 && runEnd === n && !out && y.doc < 0) {
    lastMerge.merged = count;
    return old;
  }
  if (run >= 0) out += (out ? ',' : '') + old.slice(run, runEnd);
  for (; y.doc >= 0; y.next()) {
    out += (out ? ',' : '') + (y.doc - prev).toString(36) + fresh.slice(y.suffix, y.end);
    prev = y.doc;
    count++;
  }
  lastMerge.merged = count;
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
