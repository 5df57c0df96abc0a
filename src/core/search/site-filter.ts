import { langMatches, wordForms, yearBounds, type ParsedQuery, type QueryTerm } from './query.js';
import type { SiteFiles } from './site-files.js';
import { dayNumber } from './site-facts.js';
import { COL } from './site-format.js';
import { nameDocs, phraseMatches, wordMatches } from './site-match.js';

/** A search as the URL holds it; empty strings are no filter. */
export interface SiteQuery {
  q: string;
  year?: string;
  partner?: string;
  lang?: string;
  from?: string;
  to?: string;
  person?: string;
  tag?: string;
}

/** What a search asks besides its words: the URL's filters merged with the query's field terms. */
export interface SiteFilters {
  people: string[];
  tags: string[];
  langs: string[];
  /** Names from `partner:` terms, matched as words. */
  partnerNames: string[];
  /** The slug of a partner page, from the URL. */
  partner?: string;
  /** The first and last day (ISO dates), the narrowest of `from`, `to`, `year` and `year:`. */
  from?: string;
  to?: string;
}

/** The filters of a search. */
export function readFilters(query: SiteQuery, parsed: ParsedQuery): SiteFilters {
  const years = yearBounds(parsed.years);
  return {
    people: [...parsed.people, ...(query.person?.trim() ? [query.person] : [])],
    tags: [...parsed.tags, ...(query.tag?.trim() ? [query.tag] : [])],
    langs: [...parsed.langs, ...(query.lang ? [query.lang.toLowerCase()] : [])],
    partnerNames: parsed.partners,
    partner: query.partner || undefined,
    from: [query.from, query.year && `${query.year}-01-01`, years.from].filter(Boolean).sort().pop(),
    to: [query.to, query.year && `${query.year}-12-31`, years.to].filter(Boolean).sort()[0],
  };
}

/** Whether any filter is set. */
export function filtersAsk(f: SiteFilters): boolean {
  return f.people.length + f.tags.length + f.langs.length + f.partnerNames.length > 0 || Boolean(f.from || f.to || f.partner);
}

/** One test per filter and one for the `-words` of the query; a document is shown when it passes all. */
export async function keepTests(files: SiteFiles, f: SiteFilters, negative: QueryTerm[]): Promise<((doc: number) => boolean)[]> {
  const excluded = new Set<number>();
  for (const t of negative) {
    const m = t.phrase ? await phraseMatches(files, t.tokens) : await wordMatches(files, wordForms(t.tokens[0]), false);
    for (const doc of m.keys()) excluded.add(doc);
  }
  const keep: ((doc: number) => boolean)[] = [(doc) => !excluded.has(doc)];
  for (const p of f.people) keep.push(has(await nameDocs(files, p, COL.people)));
  for (const t of f.tags) keep.push(has(await nameDocs(files, t, COL.tags)));
  for (const p of f.partnerNames) keep.push(has(await nameDocs(files, p, COL.partners)));
  if (f.partner) keep.push(has(await files.partnerDocs(f.partner)));
  if (f.langs.length || f.from || f.to) {
    const facts = await files.docFacts();
    const lo = f.from ? dayNumber(f.from) : -Infinity;
    const hi = f.to ? dayNumber(f.to) : Infinity;
    keep.push((doc) => facts.start[doc] <= hi && lo <= facts.end[doc] && f.langs.every((l) => langMatches(facts.lang[doc], l)));
  }
  return keep;
}

const has = (set: Set<number>) => (doc: number) => set.has(doc);
