import { readFileSync } from 'node:fs';
import type { SitePlan } from '../../core/export/site-plan.js';
import { utf8Chunks } from '../../core/export/utf8.js';
import type { ArchivedRelease } from '../../core/types.js';
import { atomFeed, jsonFeed } from '../feeds.js';
import { feedsPage, indexPage, overviewPage, partnerPage, yearPage } from './pages.js';
import { releasePageKey } from './page-key.js';
import { releasePage } from './release-page.js';
import { foldScript, searchChunkCount, searchChunks, searchMeta } from './search-data.js';

/** One file of the exported site. */
export interface SiteFile {
  path: string;
  /** Text, bytes, or bytes made chunk by chunk while the file is written (long pages). */
  content: string | Uint8Array | Iterable<Uint8Array>;
  /**
   * The key of the file's inputs, when it has one (release pages): an export into an earlier
   * one keeps the file without making it when the key is the same, so `content` is read only then.
   */
  key?: string;
}

/** The static files shipped with the tool (`assets/` beside this module, copied into dist/ by the build). */
function staticAssets(): SiteFile[] {
  const own = (name: string) => readFileSync(new URL(`./assets/${name}`, import.meta.url));
  return [
    { path: 'assets/site.css', content: own('site.css') },
    { path: 'assets/search.js', content: own('search.js') },
  ];
}

/** How many files `siteFiles` yields, for the progress bar. */
export function siteFileCount(plan: SitePlan): number {
  return 2 + 4 + plan.releases.length + plan.years.length + plan.partners.length + plan.langs.length * 2 + 2 + searchChunkCount(plan) + 1;
}

/**
 * Every file of the site, one at a time, so a large archive never sits in memory as pages.
 * `bodyOf` reads each release's body once (see `bodyReader` in src/core/export/bodies.ts).
 * Pages that list many releases come as UTF-8 chunks made while they are written.
 */
export function* siteFiles(plan: SitePlan, baseUrl: string | null, bodyOf: (r: ArchivedRelease) => string = (r) => r.body, stampOf?: (path: string) => string | undefined): Generator<SiteFile> {
  yield* staticAssets();
  yield { path: 'index.html', content: indexPage(plan, baseUrl) };
  yield { path: 'years/index.html', content: overviewPage(plan, 'years', baseUrl) };
  yield { path: 'partners/index.html', content: overviewPage(plan, 'partners', baseUrl) };
  yield { path: 'feeds/index.html', content: feedsPage(plan, baseUrl) };
  for (const r of plan.releases) {
    const stamp = stampOf?.(r.path);
    if (stamp === undefined) yield { path: plan.pageOf(r), content: releasePage(plan, r, baseUrl, bodyOf(r)) };
    else yield { path: plan.pageOf(r), key: releasePageKey(plan, r, stamp), get content() { return releasePage(plan, r, baseUrl, bodyOf(r)); } };
  }
  for (const y of plan.years) yield { path: `years/${y.year}.html`, content: utf8Chunks(yearPage(plan, y, baseUrl)) };
  for (const p of plan.partners) yield { path: `partners/${p.slug}.html`, content: utf8Chunks(partnerPage(plan, p, baseUrl)) };
  const site = { name: plan.settings.name, lang: plan.settings.lang, baseUrl, pageOf: plan.pageOf };
  for (const lang of plan.langs) {
    const inLang = plan.releases.filter((r) => r.lang === lang);
    yield { path: `feeds/${lang}.xml`, content: atomFeed(site, lang, inLang) };
    yield { path: `feeds/${lang}.json`, content: jsonFeed(site, lang, inLang) };
  }
  yield { path: 'search/fold.js', content: foldScript() };
  yield { path: 'search/meta.js', content: searchMeta(plan) };
  yield* searchChunks(plan);
  yield { path: 'robots.txt', content: 'User-agent: *\nAllow: /\n' };
}
