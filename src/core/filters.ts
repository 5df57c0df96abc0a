import { overlaps } from './dates.js';
import { nameMatches } from './fold.js';
import type { Registry } from './registry.js';
import type { ArchivedRelease, CalendarDate } from './types.js';

/** The filters shared by `list`, `search` and `export`. Empty lists match everything. */
export interface Filters {
  from?: CalendarDate;
  to?: CalendarDate;
  partners: string[];
  tags: string[];
  people: string[];
  location?: string;
  lang?: string;
}

/** Filters that match every release. */
export const NO_FILTERS: Filters = { partners: [], tags: [], people: [] };

/** How `list` orders and cuts its results. */
export interface ListOptions {
  sort: 'date' | 'title';
  reverse: boolean;
  limit?: number;
}

/** A partner term matches a release's partner by registry (id, name, any alias) or by name. */
export function partnerMatcher(term: string, registry: Registry): (partner: string) => boolean {
  const ids = new Set(registry.lookup(term).map((p) => p.id));
  return (partner) => {
    const known = registry.resolve(partner);
    return (known !== undefined && ids.has(known.id)) || nameMatches(partner, term);
  };
}

/** Builds one predicate from filters, resolving partner terms through the registry once. */
export function releaseFilter(filters: Filters, registry: Registry): (r: ArchivedRelease) => boolean {
  const range = { start: filters.from ?? '0000-01-01', end: filters.to ?? '9999-12-31' };
  const partnerTests = filters.partners.map((t) => partnerMatcher(t, registry));
  const lang = filters.lang?.toLowerCase();
  return (r) =>
    overlaps(r.period, range) &&
    partnerTests.every((test) => r.partners.some(test)) &&
    filters.tags.every((t) => r.tags.some((tag) => nameMatches(tag, t))) &&
    filters.people.every((p) => r.people.some((person) => nameMatches(person, p))) &&
    (!filters.location || (r.event?.location != null && nameMatches(r.event.location, filters.location))) &&
    (!lang || r.lang.toLowerCase() === lang || r.lang.toLowerCase().startsWith(`${lang}-`));
}

const collators = new Map<string, Intl.Collator>();
function collator(lang: string): Intl.Collator {
  let c = collators.get(lang);
  if (!c) collators.set(lang, (c = new Intl.Collator(lang, { sensitivity: 'base', numeric: true })));
  return c;
}

/** Filters, sorts (releases arrive newest first) and cuts a list of releases. */
export function listReleases(releases: ArchivedRelease[], filters: Filters, registry: Registry, options: ListOptions): ArchivedRelease[] {
  let out = releases.filter(releaseFilter(filters, registry));
  if (options.sort === 'title') {
    out = [...out].sort((a, b) => collator(a.lang).compare(a.title, b.title) || (a.path < b.path ? -1 : 1));
  }
  if (options.reverse) out = [...out].reverse();
  return options.limit === undefined ? out : out.slice(0, options.limit);
}
