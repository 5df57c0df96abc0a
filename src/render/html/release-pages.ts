import { hash } from 'node:crypto';
import type { SitePlan } from '../../core/export/site-plan.js';
import { NO_MEDIA, type ReleaseMedia } from '../../core/media/library.js';
import { placeRef } from '../../core/media/resolve.js';
import { sitePathOf } from '../../core/media/site-path.js';
import type { ArchivedRelease } from '../../core/types.js';
import { releasePageKey } from './page-key.js';
import { releasePage } from './release-page.js';
import { FRAGMENTS_PER_FILE } from '../../core/search/site-files.js';
import type { SearchCollector } from './search-data.js';
import type { SiteFile } from './site-file.js';
import type { SiteExtras } from './site-file.js';

/**
 * The archive files a release refers to (its references that lead into the archive), each
 * once; `!` before one that was refused (missing, a folder, a link out of the archive).
 */
export function refsOf(r: ArchivedRelease, media: ReleaseMedia): string[] {
  const out = new Set<string>();
  for (const { ref, file } of media.refs) {
    const at = placeRef(r.path, ref.target);
    if (at.ok) out.add(file ? at.path : `!${at.path}`);
  }
  return [...out];
}

/** Where the archive files of `refs` (as `refsOf` gives them) are placed in the site. */
export const placedOf = (refs: readonly string[]) => refs.filter((f) => !f.startsWith('!')).map(sitePathOf);

/** A release page's key, given its file's stamp and the archive files it refers to (their stamps join it). */
export function pageKeyWith(
  plan: SitePlan,
  r: ArchivedRelease,
  stamp: string,
  refs: readonly string[],
  refStamp: (p: string) => string,
): string {
  return releasePageKey(plan, r, `${stamp}\0${refs.map((f) => `${f}=${refStamp(f.replace(/^!/, ''))}`).join('\n')}`);
}

/**
 * The inputs of a release's search fragment and postings: its file, page, document number
 * and partners' names (not hashed: its file's key hashes them with the others').
 */
function fragmentInputs(plan: SitePlan, r: ArchivedRelease, doc: number, fileStamp: string): string {
  let out = `x\0${doc}\0${fileStamp}\0${r.path}\0${plan.pageOf(r)}\0${r.lang}\0${r.period.start}\0${r.period.end}`;
  for (const name of r.partners) {
    const p = plan.partnerOf(name);
    out += `\0${p.name}\0${p.id ?? ''}`;
    for (const alias of p.aliases) out += `\0${alias}`;
    // Ends each partner's names: "a" with alias "b" is not "a" and "b".
    out += '\x02';
  }
  return out;
}

/** The key of the fragment file `search/x/<n>.js`: its releases' fragment inputs (undefined without a stamp of each). */
export function fragmentsKey(plan: SitePlan, n: number, stampOf: SiteExtras['stampOf']): string | undefined {
  const inputs: string[] = [];
  const to = Math.min(plan.releases.length, (n + 1) * FRAGMENTS_PER_FILE);
  for (let doc = n * FRAGMENTS_PER_FILE; doc < to; doc++) {
    const r = plan.releases[doc];
    const stamp = stampOf?.(r.path);
    if (stamp === undefined) return undefined;
    inputs.push(fragmentInputs(plan, r, doc, stamp));
  }
  return hash('sha1', inputs.join('\x01'), 'base64url');
}

/** What the release pages leave for the files made after them: each release's files (when found) and page key. */
export interface ReleaseFacts {
  withMedia: Map<ArchivedRelease, ReleaseMedia>;
  pageKeys: Map<ArchivedRelease, string>;
}

/**
 * The release pages, each followed by the files of the archive it refers to that are not in
 * the site yet (each file goes in once, however many releases refer to it), and the file of
 * search fragments after the last of its releases. With file stamps and an earlier export, a
 * release whose file is unchanged and whose referenced files' stamps are unchanged keeps its
 * page and files, and (when the other releases of its fragment file are unchanged too) its
 * fragment; its body is then not read: the files a page refers to come from the earlier export's marker (an
 * unchanged file refers to the same files).
 */
export function* releasePageFiles(
  plan: SitePlan,
  baseUrl: string | null,
  bodyOf: (r: ArchivedRelease) => string,
  { mediaOf, stampOf, memory, refStamp = () => '' }: SiteExtras,
  { withMedia, pageKeys }: ReleaseFacts,
  search: SearchCollector,
): Generator<SiteFile> {
  const placed = new Set<string>();
  let doc = -1;
  // The fragment file of the releases at hand: its key, and whether the earlier export holds it.
  let group = { n: -1, key: undefined as string | undefined, held: false };
  for (const r of plan.releases) {
    doc++;
    if (doc % FRAGMENTS_PER_FILE === 0) {
      const n = doc / FRAGMENTS_PER_FILE;
      const key = fragmentsKey(plan, n, stampOf);
      group = { n, key, held: key !== undefined && memory?.holds(`search/x/${n}.js`, key) === true };
    }
    const path = plan.pageOf(r);
    const stamp = stampOf?.(r.path);
    let body: string | undefined;
    const read = () => (body ??= bodyOf(r));
    const keyOf = (refs: readonly string[]) => pageKeyWith(plan, r, stamp!, refs, refStamp);
    let refs = stamp === undefined ? undefined : memory?.refsOf(path);
    let key = refs && keyOf(refs);
    const kept = key !== undefined && memory!.holds(path, key) && placedOf(refs!).every((at) => placed.has(at) || memory!.holds(at));
    let media: ReleaseMedia | undefined;
    if (!kept) {
      media = mediaOf?.(r, read()) ?? NO_MEDIA;
      if (media !== NO_MEDIA) withMedia.set(r, media);
      if (stamp !== undefined) {
        refs = refsOf(r, media);
        key = keyOf(refs);
      }
    }
    if (key !== undefined) {
      pageKeys.set(r, key);
      memory?.noteRefs(path, refs!);
    }
    yield {
      path,
      key,
      get content() {
        return releasePage(plan, r, baseUrl, read(), (media ??= mediaOf?.(r, read()) ?? NO_MEDIA));
      },
    };
    if (!group.held) {
      const fragments = search.add(r, read());
      if (fragments) yield { ...fragments, key: group.key };
    } else {
      search.reuse(r);
      // Kept: its content is never asked for.
      if (doc % FRAGMENTS_PER_FILE === FRAGMENTS_PER_FILE - 1 || doc === plan.releases.length - 1)
        yield { path: `search/x/${group.n}.js`, key: group.key, content: '' };
    }
    if (kept) {
      for (const at of placedOf(refs!)) {
        if (placed.has(at)) continue;
        placed.add(at);
        memory!.keep(at);
      }
    } else {
      for (const f of media!.files) {
        const at = sitePathOf(f.path);
        if (placed.has(at)) continue;
        placed.add(at);
        yield { path: at, from: f };
      }
    }
  }
}
