import type { Archive } from '../archive.js';
import { foldName } from '../fold.js';
import type { ArchivedRelease, ArchiveSettings } from '../types.js';
import { SlugSet, urlSlug } from '../slug.js';
import { planEvents, type EventScope } from './events-plan.js';

/** A partner page: a registry partner (its id is the slug) or a name only seen in releases. */
export interface SitePartner {
  slug: string;
  /** Registry id, or null for a name the registry does not know. */
  id: string | null;
  name: string;
  aliases: string[];
  /** Newest first. */
  releases: ArchivedRelease[];
}

/** A year page: every release whose period touches the year, newest first. */
export interface SiteYear {
  year: string;
  releases: ArchivedRelease[];
}

/** Everything the static site shows, decided before any page is written. */
export interface SitePlan {
  settings: ArchiveSettings;
  /** Newest period first. */
  releases: ArchivedRelease[];
  years: SiteYear[];
  partners: SitePartner[];
  /** Languages of the releases, the archive's own first, then by count. */
  langs: string[];
  /** Releases per month (`YYYY-MM` of the period's start), oldest first, empty months included. */
  months: { month: string; count: number }[];
  /** The events pages and `.ics` files: all languages first, then one scope per language. */
  events: EventScope[];
  /** The page file of a release, relative to the site root (`r/<slug>.html`). */
  pageOf(r: ArchivedRelease): string;
  /** The partner page a name written in a release belongs to. */
  partnerOf(name: string): SitePartner;
  /** A release by id, for translation links. */
  byId(id: string): ArchivedRelease | undefined;
}

const SAFE_FILE = /^[a-z0-9][a-z0-9._-]{0,119}$/;

function monthRange(releases: ArchivedRelease[]): { month: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const r of releases) counts.set(r.period.start.slice(0, 7), (counts.get(r.period.start.slice(0, 7)) ?? 0) + 1);
  if (!counts.size) return [];
  const keys = [...counts.keys()].sort();
  const out: { month: string; count: number }[] = [];
  let [y, m] = keys[0].split('-').map(Number);
  const last = keys[keys.length - 1];
  for (;;) {
    const key = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    out.push({ month: key, count: counts.get(key) ?? 0 });
    if (key >= last) return out;
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y++;
  }
}

/** Plans the site of an archive's (already filtered) releases. Pure: reads nothing. */
export function planSite(archive: Pick<Archive, 'settings' | 'registry'>, releases: ArchivedRelease[]): SitePlan {
  const { registry, settings } = archive;
  // Ids may hold any letter; page files are lower-case ASCII so that they survive every
  // file system (case-insensitive ones too) and need no escaping in links.
  const pageSlugs = new SlugSet();
  const pages = new Map<ArchivedRelease, string>();
  for (const r of [...releases].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const lower = r.id.toLowerCase();
    const slug = SAFE_FILE.test(lower) ? pageSlugs.take(lower) : pageSlugs.take(urlSlug(r.id));
    pages.set(r, `r/${slug}.html`);
  }

  const partnerSlugs = new SlugSet();
  for (const p of registry.partners) partnerSlugs.reserve(p.id);
  const known = new Map<string, SitePartner>();
  const unknown = new Map<string, SitePartner>();
  // Every name is written on many pages: resolve each distinct spelling once.
  const byName = new Map<string, SitePartner>();
  const partnerOf = (name: string): SitePartner => {
    let p = byName.get(name);
    if (!p) byName.set(name, (p = resolvePartner(name)));
    return p;
  };
  const resolvePartner = (name: string): SitePartner => {
    const hit = registry.resolve(name);
    if (hit) {
      let p = known.get(hit.id);
      if (!p) known.set(hit.id, (p = { slug: hit.id, id: hit.id, name: hit.name, aliases: hit.aliases, releases: [] }));
      return p;
    }
    const key = foldName(name);
    let p = unknown.get(key);
    if (!p) unknown.set(key, (p = { slug: partnerSlugs.take(name, 'partner'), id: null, name, aliases: [], releases: [] }));
    return p;
  };
  const years = new Map<string, ArchivedRelease[]>();
  const langCount = new Map<string, number>();
  const inYear = (key: string, r: ArchivedRelease) => {
    const list = years.get(key);
    if (list) list.push(r);
    else years.set(key, [r]);
  };
  const ids = new Map<string, ArchivedRelease>();
  for (const r of releases) {
    ids.set(r.id, r);
    // Most releases name one partner and lie within one year: no set, no year arithmetic then.
    if (r.partners.length === 1) partnerOf(r.partners[0]).releases.push(r);
    else for (const p of new Set(r.partners.map(partnerOf))) p.releases.push(r);
    const first = r.period.start.slice(0, 4);
    if (r.period.end.startsWith(first)) inYear(first, r);
    else for (let y = Number(first); y <= Number(r.period.end.slice(0, 4)); y++) inYear(String(y).padStart(4, '0'), r);
    langCount.set(r.lang, (langCount.get(r.lang) ?? 0) + 1);
  }
  const byCount = (a: SitePartner, b: SitePartner) => b.releases.length - a.releases.length || (a.slug < b.slug ? -1 : 1);
  const langs = [...langCount.entries()]
    .sort((a, b) => Number(b[0] === settings.lang) - Number(a[0] === settings.lang) || b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([l]) => l);
  // Made when first asked for: an update that changes bodies only never shows them (site-update.ts).
  let months: SitePlan['months'] | undefined;
  let events: EventScope[] | undefined;
  return {
    settings,
    releases,
    years: [...years.entries()].sort((a, b) => (a[0] < b[0] ? 1 : -1)).map(([year, rs]) => ({ year, releases: rs })),
    partners: [...[...known.values()].sort(byCount), ...[...unknown.values()].sort(byCount)],
    langs,
    get months() {
      months ??= monthRange(releases);
      return months;
    },
    get events() {
      events ??= planEvents(releases, langs);
      return events;
    },
    pageOf: (r) => pages.get(r) ?? `r/${urlSlug(r.id)}.html`,
    partnerOf,
    byId: (id) => ids.get(id),
  };
}
