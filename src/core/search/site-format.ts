/**
 * The file format of the exported site's search data, shared by the writer (Node) and the
 * engine (Node and the browser). Every file is a script `search/<name>.js` that calls
 * `window.releasesData(name, payload)`, so it loads with a `<script>` tag from file:// and
 * under a CSP of `script-src 'self'` (no fetch, no eval). Files:
 *
 * - `meta`: what the page needs before the first keystroke (`SiteMeta`), a few KB at any size.
 * - `w/<n>`: term shard n: the folded terms starting with `keys[n]` (and no longer key) and
 *   their postings; a posting list too long to ship with its neighbours is `@<file>:<df>`,
 *   the number of its own file `p/<file>`.
 * - `x/<n>`: the fragments of releases 4n … 4n+3 (site-files.ts), an array: what a hit shows.
 * - `f/docs`: language and period of every release (filters by year, date and language).
 * - `f/p-<slug>`: the releases of one partner page (the partner filter).
 *
 * Documents are numbered in the site's order, newest first, so a lower number is newer.
 * Postings: entries separated by `,`; each is the base-36 gap to the previous document, then
 * optionally `.` and the columns holding the term, each a letter (`a` title … `g` body, the
 * order of the CLI's index columns) and its count 2–9 when above 1. No suffix: once in the body.
 */

/** Columns of a posting, in the CLI index's order (src/core/store/documents.ts COLUMNS). */
export const COLUMN_COUNT = 7;
/** Column numbers the engine treats specially. */
export const COL = { title: 0, partners: 1, people: 2, tags: 3, location: 4, summary: 5, body: 6 } as const;
const MAX_TF = 9;
const BODY_ONCE = 1 << (4 * COL.body);

/** What `search/meta.js` holds. */
export interface SiteMeta {
  /** Format version. */
  v: number;
  /** Number of releases (documents). */
  docs: number;
  /** Shard keys (term prefixes), sorted, front-coded (`encodeKeys`); shard n holds the terms whose longest key is key n. */
  keys: string;
  /** Column weights and bonus points of the CLI's ranking (src/core/search/plan.ts), so one place sets them. */
  weights: number[];
  bonus: { title: number; partners: number; meta: number; exact: number; script: number };
  scale: number;
}

/** A release's fragment: [page, title, lang, period label, place, partners, people, summary, text]. */
export type Fragment = [string, string, string, string, string, string, string, string, string];

/** The text of a data file. */
export function dataFile(name: string, payload: unknown): string {
  return `window.releasesData(${JSON.stringify(name)},${JSON.stringify(payload)});\n`;
}

/** Reads a data file's name and payload without running it (Node: tests, bench). */
export function readDataFile(text: string): { name: string; payload: unknown } {
  const open = text.indexOf('(');
  const args = JSON.parse(`[${text.slice(open + 1, text.lastIndexOf(')'))}]`) as [string, unknown];
  return { name: args[0], payload: args[1] };
}

/**
 * Sorted keys front-coded, one a line: how many leading characters it shares with the key
 * before (one base-36 digit), then the rest. Half the bytes of a JSON array: the keys are
 * most of what the page loads before the first keystroke.
 */
export function encodeKeys(keys: string[]): string {
  return keys
    .map((k, i) => {
      const prev = i ? keys[i - 1] : '';
      let n = 0;
      while (n < 35 && n < k.length && n < prev.length && k[n] === prev[n]) n++;
      return n.toString(36) + k.slice(n);
    })
    .join('\n');
}

/** The keys of `encodeKeys`. */
export function decodeKeys(text: string): string[] {
  const keys: string[] = [];
  for (const line of text ? text.split('\n') : [])
    keys.push((keys.length ? keys[keys.length - 1].slice(0, parseInt(line[0], 36)) : '') + line.slice(1));
  return keys;
}

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

/** The shard of a term: the longest key that starts it (-1 when none does). */
export function shardOf(term: string, keyIndex: Map<string, number>, longest: number): number {
  for (let len = Math.min(longest, term.length); len > 0; len--) {
    const n = keyIndex.get(term.slice(0, len));
    if (n !== undefined) return n;
  }
  return -1;
}

/** The shards that may hold terms starting with `prefix`: its own, and every deeper key under it. */
export function shardsForPrefix(prefix: string, keys: string[], keyIndex: Map<string, number>, longest: number): number[] {
  const out = new Set<number>();
  const own = shardOf(prefix, keyIndex, longest);
  if (own >= 0) out.add(own);
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < prefix) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < keys.length && keys[i].startsWith(prefix); i++) out.add(i);
  return [...out].sort((a, b) => a - b);
}

/** Days since 0000-03-01 of a `YYYY-MM-DD` date (any year, no Date object: years below 100 stay). */
export function dayNumber(date: string): number {
  let y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  if (m <= 2) y--;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
}

/** `f/docs` payload: languages, one character per release (index into langs), periods as day deltas. */
export interface DocFacts {
  langs: string[];
  lang: string;
  /** Per release `<start delta>` or `<start delta>+<length>`, base 36, `,`-separated; delta = previous start − start. */
  periods: string;
}

/** Encodes the languages and periods of releases (in document order). */
export function encodeFacts(langs: string[], docs: { lang: string; start: string; end: string }[]): DocFacts {
  const index = new Map(langs.map((l, i) => [l, i]));
  let prev = 0;
  const periods = docs.map((d, i) => {
    const start = dayNumber(d.start);
    const len = dayNumber(d.end) - start;
    const delta = i === 0 ? start : prev - start;
    prev = start;
    return delta.toString(36) + (len ? `+${len.toString(36)}` : '');
  });
  return { langs, lang: docs.map((d) => String.fromCharCode(48 + index.get(d.lang)!)).join(''), periods: periods.join(',') };
}

/** Decodes `f/docs`: per release its language and period as day numbers. */
export function decodeFacts(f: DocFacts): { lang: string[]; start: Int32Array; end: Int32Array } {
  const parts = f.periods ? f.periods.split(',') : [];
  const start = new Int32Array(parts.length);
  const end = new Int32Array(parts.length);
  let prev = 0;
  parts.forEach((p, i) => {
    const plus = p.indexOf('+');
    const delta = parseInt(plus < 0 ? p : p.slice(0, plus), 36);
    const s = i === 0 ? delta : prev - delta;
    start[i] = s;
    end[i] = s + (plus < 0 ? 0 : parseInt(p.slice(plus + 1), 36));
    prev = s;
  });
  return { lang: Array.from(f.lang, (c) => f.langs[c.charCodeAt(0) - 48]), start, end };
}
