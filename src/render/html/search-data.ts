import MiniSearch from 'minisearch';
import type { SitePlan } from '../../core/export/plan.js';
import { fold } from '../../core/fold.js';
import type { ArchivedRelease } from '../../core/types.js';
import { formatPeriod } from './dates.js';
import { partnerSlugs, yearsOf } from './lists.js';

/** Releases per index file: small enough that the first file loads and answers fast. */
export const CHUNK_SIZE = 2500;

/** Fields of the in-browser index; site/search.js must use the same list. */
export const SEARCH_FIELDS = ['title', 'summary', 'names', 'tags', 'place'];

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

/** What one search hit shows: [href, title, lang, period label, years, partner slugs, place]. */
type SearchDoc = [string, string, string, string, string, string, string];

function document(plan: SitePlan, r: ArchivedRelease, id: number) {
  // Registry names and aliases make `ОБСЕ` find a release that writes `OSCE`.
  const names = r.partners.flatMap((p) => {
    const partner = plan.partnerOf(p);
    return [p, partner.name, ...partner.aliases, partner.id ?? ''];
  });
  return { id, title: r.title, summary: r.summary ?? '', names: [...names, ...r.people].join(' · '), tags: r.tags.join(' · '), place: r.event?.location ?? '' };
}

/** The index files of the site: `search/index-N.js`, each one chunk of the releases. */
export function* searchChunks(plan: SitePlan): Generator<{ path: string; content: string }> {
  const count = Math.ceil(plan.releases.length / CHUNK_SIZE);
  for (let c = 0; c < count; c++) {
    const releases = plan.releases.slice(c * CHUNK_SIZE, (c + 1) * CHUNK_SIZE);
    // Words repeat a lot across releases: fold each distinct one once.
    const folded = new Map<string, string>();
    const processTerm = (term: string) => {
      let f = folded.get(term);
      if (f === undefined) folded.set(term, (f = fold(term)));
      return f;
    };
    const ms = new MiniSearch({ fields: SEARCH_FIELDS, processTerm });
    ms.addAll(releases.map((r, i) => document(plan, r, i)));
    const docs: SearchDoc[] = releases.map((r) => [plan.pageOf(r), r.title, r.lang, formatPeriod(r.period, r.lang), yearsOf(r).join(' '), partnerSlugs(plan, r).join(' '), r.event?.location ?? '']);
    // The index travels as a string literal: parsing it is much faster than an object literal.
    yield { path: `search/index-${c}.js`, content: `window.releasesChunk(${c},${JSON.stringify(JSON.stringify(ms))},${JSON.stringify(docs)});\n` };
  }
}

/** `search/meta.js`: how many chunks there are, read before they are requested. */
export function searchMeta(plan: SitePlan): string {
  return `window.RELEASES_SEARCH={chunks:${Math.ceil(plan.releases.length / CHUNK_SIZE)},fields:${JSON.stringify(SEARCH_FIELDS)}};\n`;
}
