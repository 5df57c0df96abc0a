import type { Release } from '../types.js';
import { parseQuery, type ParsedQuery } from './query.js';
import { fragmentFile, SiteFiles, type Load } from './site-files.js';
import { filtersAsk, keepTests, readFilters, type SiteQuery } from './site-filter.js';
import type { Fragment, SiteMeta } from './site-format.js';
import { bestFirst, rankWords } from './site-rank.js';
import { makeSnippet, markMatches, type Snippet } from './snippet.js';

export type { Load } from './site-files.js';
export type { SiteQuery } from './site-filter.js';

/**
 * The exported site's search engine: the CLI's query semantics (src/core/search/query.ts:
 * folding, stems, typo budget, phrases, -word, field terms) and ranking (plan.ts BONUS over
 * BM25-like column weights) over the sharded files of site-format.ts. Pure and DOM-free: it
 * runs in Node for tests and is bundled into the site's `assets/search-engine.js`; `load`
 * is the only way it reads (a `<script>` tag in the browser, a file read in Node). Its parts:
 * site-files (loading, shards, postings), site-match (words, phrases, typos, names),
 * site-rank (scores, order) and site-filter (the URL's filters, field terms, `-words`).
 */

/** What a search found: document numbers best first, and the test of matched words for highlighting. */
export interface SiteResult {
  docs: number[];
  test: (token: string) => boolean;
  /** False when there was neither a word nor a filter (the page then shows its own list). */
  asked: boolean;
}

/** One hit as the page shows it. */
export interface SiteHit {
  doc: number;
  page: string;
  title: Snippet;
  lang: string;
  period: string;
  place: string;
  partners: string;
  /** The people named, with the matches marked (a name is often why a release matched). */
  people: Snippet;
  excerpt: Snippet;
}

const NO_MATCH = () => false;

/** Searches an exported site through its data files, as the page does. */
export class SiteSearch {
  private readonly files: SiteFiles;

  constructor(
    readonly meta: SiteMeta,
    load: Load,
  ) {
    this.files = new SiteFiles(meta, load);
  }

  /** Runs a search: words ranked as the CLI ranks them, then every filter. */
  async search(query: SiteQuery): Promise<SiteResult> {
    const parsed = readQuery(query.q);
    const positive = parsed.terms.filter((t) => !t.negated);
    const filters = readFilters(query, parsed);
    const asked = positive.length > 0 || filtersAsk(filters);
    if (!asked) return { docs: [], test: NO_MATCH, asked };
    const ranked = await rankWords(this.files, this.meta, positive);
    const keep = await keepTests(
      this.files,
      filters,
      parsed.terms.filter((t) => t.negated),
    );
    return { docs: bestFirst(ranked, this.meta.docs, keep), asked, test: ranked.test };
  }

  /** What the page shows for one hit: its fragment with the title and excerpt marked. */
  async hit(doc: number, test: (token: string) => boolean): Promise<SiteHit> {
    const { name, at } = fragmentFile(doc);
    const [page, title, lang, period, place, partners, people, summary, text] = ((await this.files.file(name)) as Fragment[])[at];
    const excerpt = makeSnippet({ title, summary: summary || null, body: text } as Release, test);
    return { doc, page, title: markMatches(title, test), lang, period, place, partners, people: markMatches(people, test), excerpt };
  }
}

/** A query as the CLI reads it; a field term that cannot be read (`year:abc`) counts as words. */
function readQuery(q: string): ParsedQuery {
  try {
    return parseQuery(q);
  } catch {
    return parseQuery(q.replace(/:/g, ' '));
  }
}
