import { UnusableData, type TextTable } from './search-earlier.js';
import type { Line } from './search-terms.js';
import { lastMerge, merge } from './search-merge.js';
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
    if (earlier.entries[k] >= 0 && earlier.entries[k] !== lastMerge.scanned)
      throw new UnusableData('a long posting line does not match its pointer');
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
      put(a[i], merge(earlierLine(i), keep, ''), lastMerge.merged, i, -1);
      check(i++);
    } else if (i >= a.length || b[j] < a[i]) {
      put(b[j], added.lines[j].text(), added.lines[j].count, -1, j);
      j++;
    } else {
      put(a[i], merge(earlierLine(i), keep, added.lines[j].text()), lastMerge.merged, i, j);
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
