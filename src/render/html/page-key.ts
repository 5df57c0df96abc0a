import { hash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { SitePlan } from '../../core/export/site-plan.js';
import type { ArchivedRelease, ArchiveSettings } from '../../core/types.js';
import { VERSION } from '../../core/version.js';

/**
 * The renderer itself as an input: every file under src/render (dist/render once built; in
 * the bundle, dist/bundle, which holds all the code and assets it runs) by size and mtime,
 * the Markdown library's version and Node's (dates come from its Intl data). A rebuilt tool
 * with the same version number must not keep pages an older build wrote.
 */
function rendererStamp(): string {
  const here = new URL('.', import.meta.url);
  // The bundle's chunks sit in dist/bundle: its parent holds the unbundled build too (~175 files more to stat).
  const root = fileURLToPath(here.pathname.endsWith('/bundle/') ? here : new URL('..', import.meta.url));
  const parts: string[] = [VERSION, process.version];
  for (const name of (readdirSync(root, { recursive: true }) as string[]).sort()) {
    const st = statSync(`${root}/${name}`, { throwIfNoEntry: false });
    if (st?.isFile()) parts.push(`${name}:${st.size}:${st.mtimeMs}`);
  }
  try {
    parts.push((createRequire(import.meta.url)('markdown-it/package.json') as { version: string }).version);
  } catch {
    parts.push('markdown-it?');
  }
  return parts.join('\n');
}

/** The key of everything every page depends on: the tool, the archive's settings, the base URL. */
export function siteKey(settings: ArchiveSettings, baseUrl: string | null): string {
  return hash('sha1', [rendererStamp(), JSON.stringify(settings), baseUrl ?? ''].join('\n'), 'base64url');
}

/**
 * The key of a release page's own inputs, given its file's stamp (size and mtime, which the
 * front matter and body are read from): the page's path and everything it shows of other
 * pages (partner pages' names and slugs, translations' paths, languages and titles).
 */
export function releasePageKey(plan: SitePlan, r: ArchivedRelease, fileStamp: string): string {
  const parts = [fileStamp, r.path, plan.pageOf(r), r.lang];
  for (const p of r.partners) {
    const partner = plan.partnerOf(p);
    parts.push(partner.slug, partner.name);
  }
  for (const tr of r.translations) {
    const other = plan.byId(tr.id);
    parts.push(tr.id, tr.lang, other ? `${plan.pageOf(other)}\t${other.title}` : '');
  }
  return hash('sha1', parts.join('\0'), 'base64url');
}
