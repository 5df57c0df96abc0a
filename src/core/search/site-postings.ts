import { COL, COLUMN_COUNT } from './site-format.js';

/**
 * Posting lines of the site's search data (format: site-format.ts): per term, its documents
 * as base-36 gaps, each with the columns holding the term and its count in each.
 */

const MAX_TF = 9;
const BODY_ONCE = 1 << (4 * COL.body);

/** Term counts per column packed in one number: 4 bits a column. */
export function packAdd(packed: number, column: number): number {
  const tf = (packed >>> (4 * column)) & 15;
  return tf >= MAX_TF ? packed : packed + (1 << (4 * column));
}

/** The count of a term in one column of a packed value. */
export function tfIn(packed: number, column: number): number {
  return (packed >>> (4 * column)) & 15;
}

/** One entry of a posting line: the gap to the previous document and the packed column counts. */
export function postingEntry(gap: number, packed: number): string {
  let entry = gap.toString(36);
  if (packed !== BODY_ONCE) {
    entry += '.';
    for (let c = 0; c < COLUMN_COUNT; c++) {
      const tf = tfIn(packed, c);
      if (tf) entry += String.fromCharCode(97 + c) + (tf > 1 ? String(tf) : '');
    }
  }
  return entry;
}

/** One posting line from [doc, packed] pairs in increasing document order. */
export function encodePostings(docs: ArrayLike<number>, packed: ArrayLike<number>): string {
  const parts: string[] = [];
  let prev = 0;
  for (let i = 0; i < docs.length; i++) {
    parts.push(postingEntry(docs[i] - prev, packed[i]));
    prev = docs[i];
  }
  return parts.join(',');
}

/** Decodes a posting line into document numbers and packed column counts. */
export function decodePostings(line: string): { docs: number[]; packed: number[] } {
  const docs: number[] = [];
  const packed: number[] = [];
  let doc = 0;
  for (const entry of line ? line.split(',') : []) {
    const dot = entry.indexOf('.');
    doc += parseInt(dot < 0 ? entry : entry.slice(0, dot), 36);
    docs.push(doc);
    if (dot < 0) {
      packed.push(BODY_ONCE);
      continue;
    }
    let p = 0;
    let column = -1;
    for (let k = dot + 1; k < entry.length; k++) {
      const ch = entry.charCodeAt(k);
      if (ch >= 97) p += 1 << (4 * (column = ch - 97));
      else p += (ch - 49) << (4 * column);
    }
    packed.push(p);
  }
  return { docs, packed };
}
