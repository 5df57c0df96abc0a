/**
 * The file format of the exported site's search data, shared by the writer (Node) and the
 * engine (Node and the browser). Every file is a script `search/<name>.js` that calls
 * `window.releasesData(name, payload)`, so it loads with a `<script>` tag from file:// and
 * under a CSP of `script-src 'self'` (no fetch, no eval). Files:
 *
 * - `meta`: what the page needs before the first keystroke (`SiteMeta`), a few KB at any size.
 * - `w/<n>`: term shard n: the folded terms starting with `keys[n]` (and no longer key) and
 *   their postings; a posting list too long to ship with its neighbours is `@<file>:<df>`,
 *   the number of its own file `p/<file>` (keys and shards: site-shards.ts).
 * - `x/<n>`: the fragments of releases 4n … 4n+3 (site-files.ts), an array: what a hit shows.
 * - `f/docs`: language and period of every release (filters by year, date and language;
 *   site-facts.ts).
 * - `f/p-<slug>`: the releases of one partner page (the partner filter).
 *
 * Documents are numbered in the site's order, newest first, so a lower number is newer.
 * Postings: entries separated by `,`; each is the base-36 gap to the previous document, then
 * optionally `.` and the columns holding the term, each a letter (`a` title … `g` body, the
 * order of the CLI's index columns) and its count 2–9 when above 1. No suffix: once in the body
 * (site-postings.ts).
 */

/** Columns of a posting, in the CLI index's order (src/core/store/documents.ts COLUMNS). */
export const COLUMN_COUNT = 7;
/** Column numbers the engine treats specially. */
export const COL = { title: 0, partners: 1, people: 2, tags: 3, location: 4, summary: 5, body: 6 } as const;

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
