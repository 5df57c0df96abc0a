import type { SitePartner, SitePlan, SiteYear } from '../../core/export/site-plan.js';
import { timelineChart, partnerChart } from './charts.js';
import { absoluteUrl, esc } from './escape.js';
import { page, pageChunks, type PageFrame } from './layout.js';
import { partnerLinks, releaseList, releaseListChunks, yearLinks } from './lists.js';
import { searchForm } from './search-page.js';
import { languageName, ui } from './strings.js';

/** The frame shared by the site's own pages, in the archive's language. */
export function frame(plan: SitePlan, root: string, title: string, rel: string, baseUrl: string | null): PageFrame {
  const lang = plan.settings.lang;
  return {
    lang, t: ui(lang), root, title, siteName: plan.settings.name, siteLang: lang,
    canonical: baseUrl ? absoluteUrl(baseUrl, rel) : undefined,
    feeds: plan.langs.map((l) => ({ href: `${root}feeds/${l}.xml`, type: 'application/atom+xml', title: `${plan.settings.name} (${languageName(l)})` })),
    og: [['og:type', 'website'], ['og:title', title], ['og:site_name', plan.settings.name]],
  };
}

/** How many of the newest releases the index lists; the rest are a year page or a search away. */
export const INDEX_LATEST = 50;

/**
 * The index: search, filters, charts, year links, then the newest releases. Listing all of
 * them made the page 3.9 MB at 10,000 releases; search and filters cover every release.
 */
export function indexPage(plan: SitePlan, baseUrl: string | null): string {
  const f = frame(plan, '', plan.settings.name, 'index.html', baseUrl);
  const t = f.t;
  const latest = plan.releases.slice(0, INDEX_LATEST);
  const hint = plan.releases.length > latest.length ? `\n<p class="help">${esc(t.olderHint(latest.length, plan.releases.length))}</p>` : '';
  const main = `<h1>${esc(plan.settings.name)}</h1>
<p class="lead">${esc(t.count(plan.releases.length))}</p>
${plan.releases.length ? searchForm(plan, t, '') : ''}
${plan.releases.length ? `<section class="overview" aria-label="${esc(t.timeline)}">
${timelineChart(plan.months, t, plan.settings.lang)}
${partnerChart(plan.partners, t, '')}
</section>
<section aria-labelledby="years-h"><h2 id="years-h">${esc(t.years)}</h2>${yearLinks(plan, '', t)}</section>` : ''}
<section aria-labelledby="latest-h"><h2 id="latest-h">${esc(plan.releases.length > latest.length ? t.latest : t.allReleases)}</h2>
${releaseList(plan, latest, '', plan.settings.lang, t, 'latest')}${hint}
</section>`;
  // The form leads to search.html (a GET form): the index loads no search data at all.
  return page(f, main);
}

/** The page of one year, in pieces (it lists every release of the year). */
export function yearPage(plan: SitePlan, year: SiteYear, baseUrl: string | null): Generator<string> {
  const t = ui(plan.settings.lang);
  const title = t.releasesIn(year.year);
  const f = frame(plan, '../', `${title} — ${plan.settings.name}`, `years/${year.year}.html`, baseUrl);
  const i = plan.years.indexOf(year);
  const near = [plan.years[i + 1], plan.years[i - 1]].map((y, k) => (y ? `<a href="${esc(`${y.year}.html`)}" rel="${k ? 'next' : 'prev'}">${k ? '' : '← '}${esc(y.year)}${k ? ' →' : ''}</a>` : '')).filter(Boolean);
  const head = `<h1>${esc(title)}</h1>
<p class="lead">${esc(t.count(year.releases.length))}</p>
${near.length ? `<nav class="pager" aria-label="${esc(t.years)}">${near.join(' ')}</nav>` : ''}
`;
  return pageChunks(f, [head], releaseListChunks(plan, year.releases, '../', plan.settings.lang, t));
}

/** The page of one partner: its names in every language, then its releases (in pieces). */
export function partnerPage(plan: SitePlan, partner: SitePartner, baseUrl: string | null): Generator<string> {
  const t = ui(plan.settings.lang);
  const f = frame(plan, '../', `${partner.name} — ${plan.settings.name}`, `partners/${partner.slug}.html`, baseUrl);
  const aliases = partner.aliases.length ? `<p class="aliases">${partner.aliases.map((a) => `<span>${esc(a)}</span>`).join(' · ')}</p>` : '';
  const head = `<h1>${esc(partner.name)}</h1>
${aliases}
<p class="lead">${esc(t.count(partner.releases.length))}</p>
`;
  return pageChunks(f, [head], releaseListChunks(plan, partner.releases, '../', plan.settings.lang, t));
}

/** `years/index.html` and `partners/index.html`: every year, every partner. */
export function overviewPage(plan: SitePlan, which: 'years' | 'partners', baseUrl: string | null): string {
  const t = ui(plan.settings.lang);
  const title = which === 'years' ? t.years : t.partners;
  const f = frame(plan, '../', `${title} — ${plan.settings.name}`, `${which}/index.html`, baseUrl);
  const body = which === 'years' ? yearLinks(plan, '../', t) : partnerLinks(plan.partners, '../', t);
  return page(f, `<h1>${esc(title)}</h1>\n${plan.releases.length ? body : `<p class="empty">${esc(t.empty)}</p>`}`);
}

/** `feeds/index.html`: the Atom and JSON feeds of each language. */
export function feedsPage(plan: SitePlan, baseUrl: string | null): string {
  const t = ui(plan.settings.lang);
  const f = frame(plan, '../', `${t.feeds} — ${plan.settings.name}`, 'feeds/index.html', baseUrl);
  const items = plan.langs.map((l) => `<li><span lang="${esc(l)}">${esc(languageName(l))}</span>: <a href="${esc(`${l}.xml`)}">Atom</a> · <a href="${esc(`${l}.json`)}">JSON Feed</a></li>`);
  return page(f, `<h1>${esc(t.feeds)}</h1>\n${items.length ? `<ul>${items.join('')}</ul>` : `<p class="empty">${esc(t.empty)}</p>`}`);
}
