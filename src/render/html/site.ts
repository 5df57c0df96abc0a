import { readFileSync } from 'node:fs';
import type { SitePlan } from '../../core/export/site-plan.js';
import { utf8Chunks } from '../../core/export/utf8.js';
import { NO_MEDIA, type ReleaseMedia } from '../../core/media/library.js';
import type { PlacedSource } from '../../core/media/place.js';
import { sitePathOf } from '../../core/media/site-path.js';
import type { ArchivedRelease } from '../../core/types.js';
import { atomFeed, jsonFeed } from '../feeds.js';
import { feedsPage, indexPage, overviewPage, partnerPage, yearPage } from './pages.js';
import { releasePage } from './release-page.js';
import { foldScript, searchChunkCount, searchChunks, searchMeta } from './search-data.js';

/** One file of the exported site: made by the site, or (`from`) a file of the archive placed in it. */
export type SiteFile =
  | {
      path: string;
      /** Text, bytes, or bytes made chunk by chunk while the file is written (long pages). */
      content: string | Uint8Array | Iterable<Uint8Array>;
      from?: undefined;
    }
  | { path: string; content?: undefined; from: PlacedSource };

/** Finds the files of a release from its body (see MediaLibrary in src/core/media/library.ts). */
export type MediaOf = (r: ArchivedRelease, body: string) => ReleaseMedia;

/** The static files shipped with the tool (`assets/` beside this module, copied into dist/ by the build). */
function staticAssets(): SiteFile[] {
  const own = (name: string) => readFileSync(new URL(`./assets/${name}`, import.meta.url));
  return [
    { path: 'assets/site.css', content: own('site.css') },
    { path: 'assets/search.js', content: own('search.js') },
  ];
}

/** How many files `siteFiles` yields, for the progress bar (files of the archive placed in the site not counted). */
export function siteFileCount(plan: SitePlan): number {
  return 2 + 4 + plan.releases.length + plan.years.length + plan.partners.length + plan.langs.length * 2 + 2 + searchChunkCount(plan) + 1;
}

/**
 * Every file of the site, one at a time, so a large archive never sits in memory as pages.
 * `bodyOf` reads each release's body once (see `bodyReader` in src/core/export/bodies.ts).
 * Pages that list many releases come as UTF-8 chunks made while they are written.
 */
export function* siteFiles(plan: SitePlan, baseUrl: string | null, bodyOf: (r: ArchivedRelease) => string = (r) => r.body, mediaOf?: MediaOf): Generator<SiteFile> {
  yield* staticAssets();
  yield { path: 'index.html', content: indexPage(plan, baseUrl) };
  yield { path: 'years/index.html', content: overviewPage(plan, 'years', baseUrl) };
  yield { path: 'partners/index.html', content: overviewPage(plan, 'partners', baseUrl) };
  yield { path: 'feeds/index.html', content: feedsPage(plan, baseUrl) };
  // Each file of the archive goes into the site once, however many releases refer to it.
  const placed = new Set<string>();
  const withMedia = new Map<ArchivedRelease, ReleaseMedia>();
  for (const r of plan.releases) {
    const body = bodyOf(r);
    const media = mediaOf?.(r, body) ?? NO_MEDIA;
    if (media !== NO_MEDIA) withMedia.set(r, media);
    yield { path: plan.pageOf(r), content: releasePage(plan, r, baseUrl, body, media) };
    for (const f of media.files) {
      const at = sitePathOf(f.path);
      if (placed.has(at)) continue;
      placed.add(at);
      yield { path: at, from: f };
    }
  }
  for (const y of plan.years) yield { path: `years/${y.year}.html`, content: utf8Chunks(yearPage(plan, y, baseUrl)) };
  for (const p of plan.partners) yield { path: `partners/${p.slug}.html`, content: utf8Chunks(partnerPage(plan, p, baseUrl)) };
  const site = { name: plan.settings.name, lang: plan.settings.lang, baseUrl, pageOf: plan.pageOf, mediaOf: (r: ArchivedRelease) => withMedia.get(r) ?? NO_MEDIA };
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
