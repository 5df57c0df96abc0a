import type { SitePartner, SitePlan } from '../../core/export/site-plan.js';
import type { ArchivedRelease } from '../../core/types.js';
import { formatPeriod } from './date-format.js';
import { esc } from './escape.js';
import type { UiStrings } from './strings.js';

/** The years a release's period touches, as the year pages and filters use them. */
export function yearsOf(r: ArchivedRelease): string[] {
  const out: string[] = [];
  for (let y = Number(r.period.start.slice(0, 4)); y <= Number(r.period.end.slice(0, 4)); y++) out.push(String(y).padStart(4, '0'));
  return out;
}

/** One release in a list: title link, period, place. */
export function releaseItem(plan: SitePlan, r: ArchivedRelease, root: string, pageLang: string): string {
  const lang = r.lang === pageLang ? '' : ` lang="${esc(r.lang)}"`;
  const place = r.event?.location ? ` · ${esc(r.event.location)}` : '';
  return `<li${lang}><a href="${esc(root + plan.pageOf(r))}">${esc(r.title)}</a> <span class="meta"><time datetime="${esc(r.period.start)}">${esc(formatPeriod(r.period, r.lang))}</time>${place}</span></li>`;
}

/** A list of releases, or the empty state. */
export function releaseList(
  plan: SitePlan,
  releases: ArchivedRelease[],
  root: string,
  pageLang: string,
  t: UiStrings,
  id?: string,
): string {
  return [...releaseListChunks(plan, releases, root, pageLang, t, id)].join('');
}

/** Items per piece of a long list: a few tens of kilobytes. */
const LIST_PIECE = 50;

/** `releaseList` in pieces of LIST_PIECE items: a partner's page may list tens of thousands. */
export function* releaseListChunks(
  plan: SitePlan,
  releases: ArchivedRelease[],
  root: string,
  pageLang: string,
  t: UiStrings,
  id?: string,
): Generator<string> {
  if (!releases.length) {
    yield `<p class="empty">${esc(t.empty)}</p>`;
    return;
  }
  yield `<ol class="releases"${id ? ` id="${id}"` : ''}>\n`;
  for (let from = 0; from < releases.length; from += LIST_PIECE) {
    const items = releases.slice(from, from + LIST_PIECE).map((r) => releaseItem(plan, r, root, pageLang));
    yield `${from ? '\n' : ''}${items.join('\n')}`;
  }
  yield '\n</ol>';
}

/** Links to every year page with its count. */
export function yearLinks(plan: SitePlan, root: string, t: UiStrings): string {
  return `<ul class="chips">${plan.years.map((y) => `<li><a href="${esc(`${root}years/${y.year}.html`)}">${esc(y.year)}</a> <span class="count">(${esc(t.count(y.releases.length))})</span></li>`).join('')}</ul>`;
}

/** Links to every partner page with its count. */
export function partnerLinks(partners: SitePartner[], root: string, t: UiStrings): string {
  return `<ul class="chips partners">${partners.map((p) => `<li><a href="${esc(`${root}partners/${p.slug}.html`)}">${esc(p.name)}</a> <span class="count">(${esc(t.count(p.releases.length))})</span></li>`).join('')}</ul>`;
}
