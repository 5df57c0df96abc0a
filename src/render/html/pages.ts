import type { SitePartner, SitePlan, SiteYear } from '../../core/export/site-plan.js';
import { partnerChart, timelineChart, type TimelineLinks } from './charts.js';
import { absoluteUrl, esc } from './escape.js';
import { frame } from './frame.js';
import { page } from './layout.js';
import { partnerLinks, releaseList, yearLinks } from './lists.js';
import { PAGE_SIZE, pageCount, pageItems, pagePath, pageRels, pagerNav, rootOf } from './paging.js';
import { searchForm } from './search-page.js';
import { languageName, ui } from './strings.js';

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
${
  plan.releases.length
    ? `<section class="overview" aria-label="${esc(t.timeline)}">
${timelineChart(plan.months, t, plan.settings.lang, timelineLinks(plan, ''))}
${partnerChart(plan.partners, t, '')}
</section>
<section aria-labelledby="years-h"><h2 id="years-h">${esc(t.years)}</h2>${yearLinks(plan, '', t)}</section>`
    : ''
}
<section aria-labelledby="latest-h"><h2 id="latest-h">${esc(plan.releases.length > latest.length ? t.latest : t.allReleases)}</h2>
${releaseList(plan, latest, '', plan.settings.lang, t, 'latest')}${hint}
</section>`;
  // The form leads to search.html (a GET form): the index loads no search data at all.
  return page(f, main);
}

/** The timeline's links: each month to the page of its year that lists its newest release. */
function timelineLinks(plan: SitePlan, root: string): TimelineLinks {
  const pages = new Map<string, number>();
  for (const y of plan.years) {
    y.releases.forEach((r, i) => {
      const month = r.period.start.slice(0, 7);
      if (month.startsWith(y.year) && !pages.has(month)) pages.set(month, Math.floor(i / PAGE_SIZE) + 1);
    });
  }
  return {
    month: (m) => root + pagePath(`years/${m.slice(0, 4)}`, pages.get(m) ?? 1),
    year: (y) => root + pagePath(`years/${y}`, 1),
  };
}

/** A page of a paginated list: its frame, heading lines and pager around one page of releases. */
function listPage(
  plan: SitePlan,
  base: string,
  n: number,
  releases: SitePlan['releases'],
  title: string,
  head: string,
  baseUrl: string | null,
  after = '',
): string {
  const t = ui(plan.settings.lang);
  const total = pageCount(releases.length);
  const rel = pagePath(base, n);
  const root = rootOf(rel);
  const pageTitle = total > 1 ? `${title} (${t.pageOf(n, total)})` : title;
  const f = { ...frame(plan, root, `${pageTitle} — ${plan.settings.name}`, rel, baseUrl), links: pageRels(base, n, total) };
  const count = total > 1 ? `${t.count(releases.length)} · ${t.pageOf(n, total)}` : t.count(releases.length);
  const pager = pagerNav(base, n, total, t);
  return page(
    f,
    `${head}<p class="lead">${esc(count)}</p>
${pager}${releaseList(plan, pageItems(releases, n), root, plan.settings.lang, t)}
${pager}${after}`,
  );
}

/** Page `n` (1-based) of a year: `years/2015.html`, `years/2015/2.html`, … (see paging.ts). */
export function yearPage(plan: SitePlan, year: SiteYear, baseUrl: string | null, n = 1): string {
  const t = ui(plan.settings.lang);
  const base = `years/${year.year}`;
  const root = rootOf(pagePath(base, n));
  const i = plan.years.indexOf(year);
  // Neighbouring years, without rel: rel="prev"/"next" belong to the pages of this year.
  const near = [plan.years[i + 1], plan.years[i - 1]]
    .map((y, k) => (y ? `<a href="${esc(`${root}years/${y.year}.html`)}">${k ? '' : '← '}${esc(y.year)}${k ? ' →' : ''}</a>` : ''))
    .filter(Boolean);
  const nav = near.length
    ? `<nav class="pager" aria-label="${esc(t.years)}">${near.join(' ')}</nav>
`
    : '';
  return listPage(
    plan,
    base,
    n,
    year.releases,
    t.releasesIn(year.year),
    `<h1>${esc(t.releasesIn(year.year))}</h1>
`,
    baseUrl,
    nav,
  );
}

/** Page `n` (1-based) of a partner: its names in every language, then its releases. */
export function partnerPage(plan: SitePlan, partner: SitePartner, baseUrl: string | null, n = 1): string {
  const aliases = partner.aliases.length
    ? `<p class="aliases">${partner.aliases.map((a) => `<span>${esc(a)}</span>`).join(' · ')}</p>
`
    : '';
  return listPage(
    plan,
    `partners/${partner.slug}`,
    n,
    partner.releases,
    partner.name,
    `<h1>${esc(partner.name)}</h1>
${aliases}`,
    baseUrl,
  );
}

/**
 * `404.html`, in the archive's language. A server shows it at any missing address, however
 * deep, so with a base URL every link is absolute; without one, links work from the root.
 */
export function notFoundPage(plan: SitePlan, baseUrl: string | null): string {
  const t = ui(plan.settings.lang);
  const root = baseUrl ? absoluteUrl(baseUrl, '') : '';
  const f = { ...frame(plan, root, `${t.notFound} — ${plan.settings.name}`, '404.html', null) };
  return page(
    f,
    `<h1>${esc(t.notFound)}</h1>
<p>${esc(t.notFoundHelp)}</p>
<ul class="chips"><li><a href="${esc(root)}search.html">${esc(t.searchLabel)}</a></li><li><a href="${esc(root)}index.html">${esc(plan.settings.name)}</a></li></ul>`,
  );
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
  const items = plan.langs.map(
    (l) =>
      `<li><span lang="${esc(l)}">${esc(languageName(l))}</span>: <a href="${esc(`${l}.xml`)}">Atom</a> · <a href="${esc(`${l}.json`)}">JSON Feed</a></li>`,
  );
  return page(f, `<h1>${esc(t.feeds)}</h1>\n${items.length ? `<ul>${items.join('')}</ul>` : `<p class="empty">${esc(t.empty)}</p>`}`);
}
