import { readFileSync } from 'node:fs';
import type { SitePlan } from '../../core/export/site-plan.js';
import { utf8Chunks } from '../../core/export/utf8.js';
import type { ArchivedRelease } from '../../core/types.js';
import { atomFeed, jsonFeed } from '../feeds.js';
import { feedsPage, indexPage, overviewPage, partnerPage, yearPage } from './pages.js';
import { releasePage } from './release-page.js';
import { searchEngineScript } from './search-bundle.js';
import { SearchCollector } from './search-data.js';
import { searchPage } from './search-page.js';

/** One file of the exported site. */
export interface SiteFile {
  path: string;
  /** Text, bytes, or bytes made chunk by chunk while the file is written (long pages). */
  content: string | Uint8Array | Iterable<Uint8Array>;
}

/** The static files shipped with the tool (`assets/` beside this module, copied into dist/ by the build). */
function staticAssets(): SiteFile[] {
  const own = (name: string) => readFileSync(new URL(`./assets/${name}`, import.meta.url));
  return [
    { path: 'assets/site.css', content: own('site.css') },
    { path: 'assets/search.js', content: own('search.js') },
    { path: 'assets/search-engine.js', content: searchEngineScript() },
  ];
}

/** How many files `siteFiles` yields, for the progress bar. */
export function siteFileCount(plan: SitePlan): number {
  // The search data: a fragment per release, a file per partner, meta and f/docs, and term
  // shards and long posting lists (about one per 8 releases at 10k; an estimate).
  return 3 + 5 + Math.ceil(plan.releases.length / 8) + plan.releases.length * 2 + plan.years.length + plan.partners.length * 2 + plan.langs.length * 2 + 2 + 1;
}

/**
 * Every file of the site, one at a time, so a large archive never sits in memory as pages.
 * `bodyOf` reads each release's body once (see `bodyReader` in src/core/export/bodies.ts).
 * Pages that list many releases come as UTF-8 chunks made while they are written.
 */
export function* siteFiles(plan: SitePlan, baseUrl: string | null, bodyOf: (r: ArchivedRelease) => string = (r) => r.body): Generator<SiteFile> {
  yield* staticAssets();
  yield { path: 'index.html', content: indexPage(plan, baseUrl) };
  yield { path: 'years/index.html', content: overviewPage(plan, 'years', baseUrl) };
  yield { path: 'partners/index.html', content: overviewPage(plan, 'partners', baseUrl) };
  yield { path: 'feeds/index.html', content: feedsPage(plan, baseUrl) };
  yield { path: 'search.html', content: searchPage(plan, baseUrl) };
  const search = new SearchCollector(plan);
  for (const r of plan.releases) {
    const body = bodyOf(r);
    yield { path: plan.pageOf(r), content: releasePage(plan, r, baseUrl, body) };
    yield search.add(r, body);
  }
  for (const y of plan.years) yield { path: `years/${y.year}.html`, content: utf8Chunks(yearPage(plan, y, baseUrl)) };
  for (const p of plan.partners) yield { path: `partners/${p.slug}.html`, content: utf8Chunks(partnerPage(plan, p, baseUrl)) };
  const site = { name: plan.settings.name, lang: plan.settings.lang, baseUrl, pageOf: plan.pageOf };
  for (const lang of plan.langs) {
    const inLang = plan.releases.filter((r) => r.lang === lang);
    yield { path: `feeds/${lang}.xml`, content: atomFeed(site, lang, inLang) };
    yield { path: `feeds/${lang}.json`, content: jsonFeed(site, lang, inLang) };
  }
  yield* search.files();
  yield { path: 'robots.txt', content: 'User-agent: *\nAllow: /\n' };
}
