import type { ReleaseMedia } from '../../core/media/library.js';
import { sitePathOf } from '../../core/media/site-path.js';
import type { LinkRewrite } from '../markdown.js';
import { absoluteUrl, esc } from './escape.js';
import { fileKind, fileWords, formatBytes } from './media-strings.js';

const isSvg = (type: string) => type === 'image/svg+xml';

/**
 * The rewrite that points a release's links and images at the site's copies: `prefix` is
 * what leads from the page to the site root (`../`, or the base URL for feeds). A link to a
 * file that is missing or refused is dropped (its text stays), so the site has no dead link.
 */
export function mediaLinks(media: ReleaseMedia, prefix: string): LinkRewrite | undefined {
  if (!media.refs.length) return undefined;
  const byHref = new Map(media.refs.map((x) => [x.ref.href, x]));
  return (href, kind) => {
    const x = byHref.get(href);
    if (!x) return undefined;
    if (!x.file) return null;
    const to = {
      href: join(prefix, sitePathOf(x.file.path)),
      attrs: kind === 'link' && isSvg(x.file.type) ? [['download', ''] as [string, string]] : undefined,
    };
    return kind === 'image' ? { ...to, width: x.file.width, height: x.file.height } : to;
  };
}

const join = (prefix: string, rel: string) => (/^https?:/.test(prefix) ? absoluteUrl(prefix, rel) : prefix + rel);

/** The URL of a release's picture from a page one folder down (or absolute with `baseUrl`), or null. */
export function coverUrl(media: ReleaseMedia, baseUrl: string | null, root = '../'): string | null {
  if (!media.cover) return null;
  if ('url' in media.cover) return media.cover.url;
  return join(baseUrl ?? root, sitePathOf(media.cover.file.path));
}

/** Open Graph and Twitter tags for the release's picture. */
export function coverMeta(media: ReleaseMedia, baseUrl: string | null): { og: [string, string][]; meta: [string, string][] } {
  const url = coverUrl(media, baseUrl);
  if (!url || !media.cover) return { og: [], meta: [] };
  const file = 'file' in media.cover ? media.cover.file : null;
  const og: [string, string][] = [['og:image', url]];
  if (file?.width && file.height) og.push(['og:image:width', String(file.width)], ['og:image:height', String(file.height)]);
  if (media.cover.alt) og.push(['og:image:alt', media.cover.alt]);
  return {
    og,
    meta: [
      ['twitter:card', 'summary_large_image'],
      ['twitter:image', url],
      ...(media.cover.alt ? [['twitter:image:alt', media.cover.alt] as [string, string]] : []),
    ],
  };
}

/** The list of a release's files, with kind and size in the reader's language; '' when it has none. */
export function attachmentsSection(media: ReleaseMedia, lang: string, root: string): string {
  if (!media.files.length) return '';
  const w = fileWords(lang);
  const items = media.files.map((f) => {
    const name = f.path.slice(f.path.lastIndexOf('/') + 1);
    const kind = w.kinds[fileKind(f.type)];
    const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toUpperCase() : '';
    const size = f.width && f.height ? `, ${f.width} × ${f.height}` : '';
    const facts = `${kind}${ext && fileKind(f.type) !== 'pdf' ? ` (${ext})` : ''}${size}, ${formatBytes(f.bytes, lang)}`;
    return `<li><a href="${esc(root + sitePathOf(f.path))}" type="${esc(f.type)}"${isSvg(f.type) ? ' download' : ''}>${esc(name)}</a> <span class="file-facts">${esc(facts)}</span></li>`;
  });
  return `<section class="attachments" aria-labelledby="files"><h2 id="files">${esc(w.files)}</h2><ul>${items.join('')}</ul></section>`;
}
