import type { SiteFacts } from '../../core/export/manifest.js';
import type { SitePlan } from '../../core/export/site-plan.js';
import { NO_MEDIA, type ReleaseMedia } from '../../core/media/library.js';
import { FRAGMENTS_PER_FILE } from '../../core/search/site-files.js';
import type { ArchivedRelease } from '../../core/types.js';
import { atomFeed, FEED_SIZE, jsonFeed } from '../feeds.js';
import { releasePageKey } from './page-key.js';
import { releasePage } from './release-page.js';
import { sitePathOf } from '../../core/media/site-path.js';
import { fragmentsKey, pageKeyWith, placedOf, refsOf } from './release-pages.js';
import { SearchCollector } from './search-data.js';
import type { SiteExtras, SiteFile } from './site-file.js';
import { digest, SiteKeys } from './site-keys.js';

/** Past this many changed releases an update takes the whole path (their bodies are held meanwhile). */
const QUICK_MAX = 64;

/** The hash of the releases' order, the partners' pages and the languages: what lists and keys take from the whole plan. */
function orderOf(plan: SitePlan): string {
  const parts = plan.releases.map((r) => r.path);
  parts.push('\x01', ...plan.langs, '\x01');
  for (const p of plan.partners) parts.push(JSON.stringify([p.slug, p.id, p.name, p.aliases, p.releases.length]));
  return digest(parts);
}

/** The facts of a site whose releases all have file stamps (see SiteFacts in manifest.ts). */
export function siteFacts(plan: SitePlan, keys: SiteKeys, stampOf: (path: string) => string | undefined, today: string | null): SiteFacts {
  return { order: orderOf(plan), today: today ?? '', releases: plan.releases.map((r) => `${stampOf(r.path)} ${keys.meta(r)}`) };
}

/** A release whose file changed since the earlier export: its body, media, the archive files its page refers to, and page key. */
interface Changed {
  r: ArchivedRelease;
  doc: number;
  body: string;
  media: ReleaseMedia;
  refs: string[];
  key: string;
}

/**
 * The files an update writes when only release bodies changed since the earlier export (its
 * facts say so: same releases in the same order, same partners and languages, same day, the
 * archive files unchanged pages refer to unchanged, and each changed release's list-facing
 * fields the same): the changed releases' pages and the archive files they place, their
 * search fragments, the feeds that show them and the search data (patched); every other file
 * of the earlier export is kept as it is, without keying it. Null when anything else may have
 * changed: the caller then makes the whole site.
 */
export function quickSiteFiles(
  plan: SitePlan,
  baseUrl: string | null,
  bodyOf: (r: ArchivedRelease) => string,
  extra: SiteExtras,
): Iterable<SiteFile> | null {
  const { stampOf, memory, mediaOf, today = null, earlierDir, refStamp = () => '' } = extra;
  const earlier = memory?.earlierFacts?.();
  if (!earlier || !stampOf || !earlierDir || !memory?.keepEarlier || !memory.noteFacts) return null;
  const n = plan.releases.length;
  if (earlier.releases.length !== n || earlier.today !== (today ?? '') || earlier.order !== orderOf(plan)) return null;
  const keys = new SiteKeys(plan, () => '');
  const now = earlier.releases.slice();
  const changed: Changed[] = [];
  // Unchanged pages that refer to archive files, by their keys (those files' stamps are in them).
  const referring = new Map<ArchivedRelease, string>();
  for (let doc = 0; doc < n; doc++) {
    const r = plan.releases[doc];
    const stamp = stampOf(r.path);
    if (stamp === undefined) return null;
    const was = earlier.releases[doc];
    if (was.length > stamp.length && was.startsWith(stamp) && was[stamp.length] === ' ') {
      const page = plan.pageOf(r);
      const refs = memory.refsOf(page);
      if (!refs?.length) continue;
      // A file it refers to changed, came or went (the whole path finds which pages show it), or one it placed is gone.
      const key = pageKeyWith(plan, r, stamp, refs, refStamp);
      if (!memory.holds(page, key) || !placedOf(refs).every((at) => memory.holds(at))) return null;
      referring.set(r, key);
      continue;
    }
    if (changed.length >= QUICK_MAX || was.slice(was.indexOf(' ') + 1) !== keys.meta(r)) return null;
    const body = bodyOf(r);
    const media = mediaOf?.(r, body) ?? NO_MEDIA;
    const refs = refsOf(r, media);
    now[doc] = `${stamp} ${keys.meta(r)}`;
    changed.push({ r, doc, body, media, refs, key: pageKeyWith(plan, r, stamp, refs, refStamp) });
  }
  return made(plan, baseUrl, bodyOf, extra, changed, referring, { ...earlier, releases: now });
}

function* made(
  plan: SitePlan,
  baseUrl: string | null,
  bodyOf: (r: ArchivedRelease) => string,
  extra: SiteExtras,
  changed: Changed[],
  referring: Map<ArchivedRelease, string>,
  facts: SiteFacts,
): Generator<SiteFile> {
  const { stampOf, memory, mediaOf } = extra;
  if (!changed.length) {
    // No release changed: every file, the search data among them, would come out as it is
    // (reading the term table back only to find that cost ~0.1 s at 10k).
    memory!.keepEarlier!(() => false);
    memory!.noteFacts!(facts);
    return;
  }
  const byRelease = new Map(changed.map((c) => [c.r, c]));
  const groups = new Set(changed.map((c) => Math.floor(c.doc / FRAGMENTS_PER_FILE)));
  // Every page key a feed names: a page that refers to no archive file has its file stamp's.
  const keys = new SiteKeys(plan, (r) => byRelease.get(r)?.key ?? referring.get(r) ?? releasePageKey(plan, r, `${stampOf!(r.path)}\0`));
  const site = {
    name: plan.settings.name,
    lang: plan.settings.lang,
    baseUrl,
    pageOf: plan.pageOf,
    mediaOf: (r: ArchivedRelease) => byRelease.get(r)?.media ?? (mediaOf ? mediaOf(r, bodyOf(r)) : NO_MEDIA),
  };
  const feeds: SiteFile[] = [];
  for (const lang of plan.langs) {
    const rs = plan.releases.filter((r) => r.lang === lang);
    if (!rs.slice(0, FEED_SIZE).some((r) => byRelease.has(r))) continue;
    feeds.push(
      { path: `feeds/${lang}.xml`, key: keys.feed('atom', lang, rs), content: atomFeed(site, lang, rs) },
      { path: `feeds/${lang}.json`, key: keys.feed('json', lang, rs), content: jsonFeed(site, lang, rs) },
    );
  }
  const remade = new Set([
    ...changed.map((c) => plan.pageOf(c.r)),
    ...[...groups].map((g) => `search/x/${g}.js`),
    ...feeds.map((f) => f.path),
  ]);
  // Archive files the changed pages place are placed anew; those only their earlier versions placed go.
  const placed = new Set<string>();
  for (const c of changed) {
    const page = plan.pageOf(c.r);
    yield { path: page, key: c.key, content: releasePage(plan, c.r, baseUrl, c.body, c.media) };
    memory!.noteRefs(page, c.refs);
    for (const f of c.media.files) {
      const at = sitePathOf(f.path);
      if (placed.has(at)) continue;
      placed.add(at);
      remade.add(at);
      yield { path: at, from: f };
    }
  }
  const referred = new Set(placed);
  for (const r of referring.keys()) for (const at of placedOf(memory!.refsOf(plan.pageOf(r)) ?? [])) referred.add(at);
  for (const c of changed) for (const at of placedOf(memory!.refsOf(plan.pageOf(c.r)) ?? [])) if (!referred.has(at)) remade.add(at);
  const search = new SearchCollector(plan, { dir: extra.earlierDir! }, bodyOf);
  for (let doc = 0; doc < plan.releases.length; doc++) {
    const r = plan.releases[doc];
    const group = Math.floor(doc / FRAGMENTS_PER_FILE);
    if (!groups.has(group)) {
      search.reuse(r);
      continue;
    }
    const fragments = search.add(r, byRelease.get(r)?.body ?? bodyOf(r));
    if (fragments) yield { ...fragments, key: fragmentsKey(plan, group, stampOf) };
  }
  yield* feeds;
  // The earlier term table patched (search-data.ts); its files that keep their bytes are kept.
  const same = new Set<string>();
  for (const f of search.files(true)) {
    if (f.same) same.add(f.path);
    else yield f;
  }
  memory!.keepEarlier!((rel) => remade.has(rel) || (rel.startsWith('search/') && !rel.startsWith('search/x/') && !same.has(rel)));
  memory!.noteFacts!(facts);
}
