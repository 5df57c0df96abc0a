import type { SitePlan } from '../../core/export/site-plan.js';
import { NO_MEDIA, type ReleaseMedia } from '../../core/media/library.js';
import type { ArchivedRelease } from '../../core/types.js';
import { renderMarkdown } from '../markdown.js';
import { formatDay, formatPeriod } from './date-format.js';
import { absoluteUrl, esc } from './escape.js';
import { page } from './layout.js';
import { attachmentsSection, coverMeta, coverUrl, mediaLinks } from './media.js';
import { languageName, ui } from './strings.js';

/** Text for `description` and Open Graph: the summary, else the body's first words. */
function describe(r: ArchivedRelease, body: string): string {
  if (r.summary) return r.summary;
  // Links and images count by their text, not their address.
  const plain = body
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`[\]()!|-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > 200 ? `${plain.slice(0, 199)}…` : plain;
}

/** schema.org data: a NewsArticle about its Event, with the people it mentions. */
function jsonLd(plan: SitePlan, r: ArchivedRelease, url: string | undefined, image: string | null): unknown {
  const organisations = r.partners.map((p) => ({ '@type': 'Organization', name: plan.partnerOf(p).name }));
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: r.title,
    datePublished: r.date,
    inLanguage: r.lang,
    ...(r.summary ? { description: r.summary } : {}),
    ...(url ? { url, mainEntityOfPage: url } : {}),
    ...(image ? { image } : {}),
    publisher: { '@type': 'Organization', name: plan.settings.name },
    ...(r.tags.length ? { keywords: r.tags.join(', ') } : {}),
    ...(r.people.length ? { mentions: r.people.map((name) => ({ '@type': 'Person', name })) } : {}),
    ...(r.event
      ? {
          about: {
            '@type': 'Event',
            name: r.title,
            startDate: r.event.start,
            endDate: r.event.end,
            ...(r.event.location ? { location: { '@type': 'Place', name: r.event.location } } : {}),
            ...(organisations.length ? { organizer: organisations } : {}),
          },
        }
      : {}),
  };
}

function row(label: string, value: string): string {
  return value ? `<div><dt>${esc(label)}</dt><dd>${value}</dd></div>` : '';
}

/** The page of one release, in the release's own language, linked to its translations. */
export function releasePage(
  plan: SitePlan,
  r: ArchivedRelease,
  baseUrl: string | null,
  body = r.body,
  media: ReleaseMedia = NO_MEDIA,
): string {
  const t = ui(r.lang);
  const root = '../';
  const own = plan.pageOf(r);
  const url = baseUrl ? absoluteUrl(baseUrl, own) : undefined;
  const translations = r.translations.map((tr) => ({ tr, other: plan.byId(tr.id) })).filter((x) => x.other);
  const link = (other: ArchivedRelease) => (baseUrl ? absoluteUrl(baseUrl, plan.pageOf(other)) : root + plan.pageOf(other));
  const partners = r.partners
    .map((p) => `<li><a href="${esc(`${root}partners/${plan.partnerOf(p).slug}.html`)}">${esc(p)}</a></li>`)
    .join('');
  const list = (items: string[]) => (items.length ? `<ul class="inline">${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>` : '');
  const meta = [
    row(t.published, `<time datetime="${esc(r.date)}">${esc(formatDay(r.date, r.lang))}</time>`),
    r.event ? row(t.event, `<time datetime="${esc(r.event.start)}">${esc(formatPeriod(r.event, r.lang))}</time>`) : '',
    r.event?.location ? row(t.location, esc(r.event.location)) : '',
    partners ? row(t.partners, `<ul class="inline">${partners}</ul>`) : '',
    row(t.people, list(r.people)),
    row(t.tags, list(r.tags)),
  ].join('');
  const others = translations.length
    ? `<nav class="translations" aria-label="${esc(t.otherLanguages)}"><h2>${esc(t.otherLanguages)}</h2><ul>${translations
        .map(
          ({ tr, other }) =>
            `<li><a href="${esc(root + plan.pageOf(other!))}" hreflang="${esc(tr.lang)}" lang="${esc(tr.lang)}">${esc(languageName(tr.lang))}: ${esc(other!.title)}</a></li>`,
        )
        .join('')}</ul></nav>`
    : '';
  const description = describe(r, body);
  const cover = coverMeta(media, baseUrl);
  const main = `<article>
<h1>${esc(r.title)}</h1>
<dl class="facts">${meta}</dl>
${r.summary ? `<p class="summary">${esc(r.summary)}</p>` : ''}
<div class="body">
${renderMarkdown(body, mediaLinks(media, root))}</div>
${attachmentsSection(media, t.lang, root)}
${others}
</article>`;
  return page(
    {
      lang: r.lang,
      t,
      root,
      title: `${r.title} — ${plan.settings.name}`,
      siteName: plan.settings.name,
      siteLang: plan.settings.lang,
      description: description,
      canonical: url,
      alternates: translations.length
        ? [{ lang: r.lang, href: url ?? root + own }, ...translations.map(({ tr, other }) => ({ lang: tr.lang, href: link(other!) }))]
        : undefined,
      og: [
        ['og:type', 'article'],
        ['og:title', r.title],
        ['og:description', description],
        ['og:site_name', plan.settings.name],
        ['og:locale', r.lang.replace('-', '_')],
        ...(url ? [['og:url', url] as [string, string]] : []),
        ['article:published_time', r.date],
        ...r.tags.map((tag) => ['article:tag', tag] as [string, string]),
        ...cover.og,
      ],
      meta: cover.meta,
      jsonLd: jsonLd(plan, r, url, coverUrl(media, baseUrl)),
    },
    main,
  );
}
