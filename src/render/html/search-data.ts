import type { SitePlan } from '../../core/export/site-plan.js';
import { fold } from '../../core/fold.js';
import type { ArchivedRelease } from '../../core/types.js';
import { formatPeriod } from './date-format.js';
import { yearsOf } from './lists.js';
import { TermFolder, TermTable, WEIGHT } from './search-terms.js';
import { utf8Chunks } from '../../core/export/utf8.js';

/** Releases per later index file (summaries): each file stays a few megabytes at most. */
export const CHUNK_SIZE = 5000;

/**
 * The browser's fold table, generated from `fold()` itself (never copied by hand): every
 * Cyrillic and Latin-1/Extended letter whose folded form differs from its lower case.
 * site/search.js applies it the same way fold() does: lower case, table, strip marks.
 */
export function foldTable(): Record<string, string> {
  const table: Record<string, string> = {};
  for (let cp = 0x400; cp <= 0x4ff; cp++) {
    const ch = String.fromCodePoint(cp);
    if (ch !== ch.toLowerCase()) continue;
    const folded = fold(ch);
    if (folded !== ch) table[ch] = folded;
  }
  return table;
}

/** The script file that hands the fold table to the search script. */
export function foldScript(): string {
  return `window.RELEASES_FOLD=${JSON.stringify(foldTable())};\n`;
}

/**
 * What one search hit shows and filters on, as one line of tab-separated fields: page slug
 * (r/<slug>.html), title, lang, period label, years, partner numbers (into meta's partner
 * list), place. Lines split much faster in a browser than JSON parses.
 */
function searchDoc(plan: SitePlan, r: ArchivedRelease, partnerNumber: Map<string, number>): string {
  const partners = [...new Set(r.partners.map((p) => partnerNumber.get(plan.partnerOf(p).slug)!))];
  const fields = [plan.pageOf(r).slice(2, -5), r.title, r.lang, formatPeriod(r.period, r.lang), yearsOf(r).join(' '), partners.join(' '), r.event?.location ?? ''];
  return fields.map((f) => f.replace(/[\t\n\r\u2028\u2029]+/g, ' ')).join('\t');
}

/** Every name of a partner page: registry name, aliases and id, so `ОБСЕ` finds a release that writes `OSCE`. */
function partnerTable(plan: SitePlan, folder: TermFolder): TermTable {
  const table = new TermTable(folder);
  plan.partners.forEach((p, i) => table.add(i, [p.name, ...p.aliases, p.id ?? ''].join(' · '), WEIGHT.names));
  return table;
}

const chunkFile = (n: number, args: string[]) => ({ path: `search/index-${n}.js`, content: `window.releasesChunk(${n},${args.join(',')});\n` });

/** `JSON.stringify(lines.join('\n'))` in pieces: the same text, never held as one string. */
export function* jsonLines(lines: Iterable<string>): Generator<string> {
  yield '"';
  let first = true;
  for (const line of lines) {
    // JSON escapes character by character, so escaping line by line gives the same text.
    yield `${first ? '' : '\\n'}${JSON.stringify(line).slice(1, -1)}`;
    first = false;
  }
  yield '"';
}

/** How many index files the site has: the main one, then the summaries in chunks. */
export function searchChunkCount(plan: SitePlan): number {
  return 1 + Math.ceil(plan.releases.length / CHUNK_SIZE);
}

/**
 * The index files of the site. `search/index-0.js` answers queries on its own: the terms of
 * every release's title, people, tags and place, the table of what a hit shows, and the
 * names of every partner (registry names and aliases). `search/index-N.js` add the summaries' terms, CHUNK_SIZE
 * releases each; the page loads them after its own load and results improve as they come.
 * Data travel as string literals: a browser parses a string much faster than an object literal.
 */
export function* searchChunks(plan: SitePlan): Generator<{ path: string; content: string | Uint8Array | Iterable<Uint8Array> }> {
  const folder = new TermFolder();
  const main = new TermTable(folder);
  const partnerNumber = new Map(plan.partners.map((p, i) => [p.slug, i]));
  plan.releases.forEach((r, doc) => {
    main.add(doc, r.title, WEIGHT.title);
    for (const person of r.people) main.add(doc, person, WEIGHT.names);
    for (const tag of r.tags) main.add(doc, tag, WEIGHT.other);
    main.add(doc, r.event?.location ?? '', WEIGHT.other);
  });
  // Partners are indexed once each, not once per release: a release finds them by its partner numbers.
  const names = partnerTable(plan, folder).encode();
  const table = main.lines();
  // Tens of MB at 100k releases: made and encoded piece by piece (the docs as they are written).
  const docs = function* () {
    for (const r of plan.releases) yield searchDoc(plan, r, partnerNumber);
  };
  yield {
    path: 'search/index-0.js',
    content: utf8Chunks(function* () {
      yield 'window.releasesChunk(0,';
      yield* jsonLines(table.terms);
      yield ',';
      yield* jsonLines(table.postings);
      yield ',';
      yield* jsonLines(docs());
      yield `,${JSON.stringify(names.terms)},${JSON.stringify(names.postings)});\n`;
    }()),
  };
  for (let c = 1; c < searchChunkCount(plan); c++) {
    const part = new TermTable(folder);
    const from = (c - 1) * CHUNK_SIZE;
    plan.releases.slice(from, from + CHUNK_SIZE).forEach((r, i) => part.add(from + i, r.summary ?? '', WEIGHT.other));
    const encoded = part.encode();
    yield chunkFile(c, [JSON.stringify(encoded.terms), JSON.stringify(encoded.postings)]);
  }
}

/** `search/meta.js`: the number of index files and the partner page slugs hits refer to by number. */
export function searchMeta(plan: SitePlan): string {
  return `window.RELEASES_SEARCH=${JSON.stringify({ chunks: searchChunkCount(plan), partners: plan.partners.map((p) => p.slug) })};\n`;
}
