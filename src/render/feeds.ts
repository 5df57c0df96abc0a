import { createHash } from 'node:crypto';
import { NO_MEDIA, type ReleaseMedia } from '../core/media/library.js';
import { sitePathOf } from '../core/media/site-path.js';
import type { ArchivedRelease } from '../core/types.js';
import { absoluteUrl } from './html/escape.js';
import { coverUrl, mediaLinks } from './html/media.js';
import { renderMarkdown } from './markdown.js';

/** What a feed needs to know about its site. */
export interface FeedSite {
  name: string;
  lang: string;
  /** Absolute URL of the site root; without it links are relative to the feed file. */
  baseUrl: string | null;
  /** The page of a release, relative to the site root. */
  pageOf(r: ArchivedRelease): string;
  /** The files of a release (enclosures, attachments, images), when the site carries them. */
  mediaOf?(r: ArchivedRelease): ReleaseMedia;
}

/** How many of the newest releases a feed carries. */
export const FEED_SIZE = 50;

const XML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
function xml(text: string): string {
  // Control characters other than tab and newlines are not allowed in XML 1.0 at all.
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"]/g, (c) => XML[c]);
}

/** A stable `urn:uuid:` for a release id: survives a move of the site to another address. */
export function entryId(id: string): string {
  const h = createHash('sha1').update(`releases:${id}`).digest('hex');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const stamp = (date: string) => `${date}T00:00:00Z`;
const link = (site: FeedSite, rel: string) => (site.baseUrl ? absoluteUrl(site.baseUrl, rel) : `../${rel}`);
const mediaOf = (site: FeedSite, r: ArchivedRelease) => site.mediaOf?.(r) ?? NO_MEDIA;
/** The body as HTML, its images and links pointing at the site's copies (absolute with a base URL). */
const contentOf = (site: FeedSite, r: ArchivedRelease) => renderMarkdown(r.body, mediaLinks(mediaOf(site, r), site.baseUrl ?? '../'));

/** An Atom 1.0 feed (RFC 4287) of the newest releases in one language. */
export function atomFeed(site: FeedSite, lang: string, releases: ArchivedRelease[]): string {
  const items = releases.slice(0, FEED_SIZE);
  // biome-ignore lint/complexity/useMathMinMax: dates are ISO strings, which Math.max would turn into NaN
  const updated = stamp(items.reduce((max, r) => (r.date > max ? r.date : max), '1970-01-01'));
  const self = site.baseUrl
    ? `\n  <link rel="self" type="application/atom+xml" href="${xml(absoluteUrl(site.baseUrl, `feeds/${lang}.xml`))}"/>`
    : '';
  const entries = items.map(
    (r) => `  <entry xml:lang="${xml(r.lang)}">
    <id>${entryId(r.id)}</id>
    <title>${xml(r.title)}</title>
    <link rel="alternate" type="text/html" href="${xml(link(site, site.pageOf(r)))}"/>
    <published>${stamp(r.date)}</published>
    <updated>${stamp(r.date)}</updated>
${mediaOf(site, r)
  .files.map((f) => `    <link rel="enclosure" type="${xml(f.type)}" length="${f.bytes}" href="${xml(link(site, sitePathOf(f.path)))}"/>\n`)
  .join(
    '',
  )}${r.summary ? `    <summary>${xml(r.summary)}</summary>\n` : ''}${r.tags.map((t) => `    <category term="${xml(t)}"/>\n`).join('')}    <content type="html">${xml(contentOf(site, r))}</content>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(lang)}">
  <id>${entryId(`feed:${lang}`)}</id>
  <title>${xml(site.name)}</title>
  <updated>${updated}</updated>
  <author><name>${xml(site.name)}</name></author>
  <link rel="alternate" type="text/html" href="${xml(link(site, 'index.html'))}"/>${self}
  <generator>releases</generator>
${entries.join('\n')}${entries.length ? '\n' : ''}</feed>
`;
}

/** JSON Feed's `image` (the release's picture) and `attachments` (its files). */
function jsonFeedMedia(site: FeedSite, media: ReleaseMedia): Record<string, unknown> {
  const image = coverUrl(media, site.baseUrl);
  return {
    ...(image ? { image } : {}),
    ...(media.files.length
      ? {
          attachments: media.files.map((f) => ({
            url: link(site, sitePathOf(f.path)),
            mime_type: f.type,
            title: f.path.slice(f.path.lastIndexOf('/') + 1),
            size_in_bytes: f.bytes,
          })),
        }
      : {}),
  };
}

/** A JSON Feed 1.1 of the newest releases in one language. */
export function jsonFeed(site: FeedSite, lang: string, releases: ArchivedRelease[]): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: site.name,
    ...(site.baseUrl
      ? { home_page_url: absoluteUrl(site.baseUrl, 'index.html'), feed_url: absoluteUrl(site.baseUrl, `feeds/${lang}.json`) }
      : {}),
    language: lang,
    authors: [{ name: site.name }],
    items: releases.slice(0, FEED_SIZE).map((r) => ({
      id: entryId(r.id),
      ...(site.baseUrl ? { url: absoluteUrl(site.baseUrl, site.pageOf(r)) } : {}),
      title: r.title,
      content_html: contentOf(site, r),
      ...(r.summary ? { summary: r.summary } : {}),
      ...jsonFeedMedia(site, mediaOf(site, r)),
      date_published: stamp(r.date),
      ...(r.tags.length ? { tags: r.tags } : {}),
      language: r.lang,
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
