import type { EventRelease, EventScope } from '../../core/export/events-plan.js';
import type { SitePlan } from '../../core/export/site-plan.js';
import type { CalendarDate } from '../../core/types.js';
import { formatMonth, formatPeriod } from './date-format.js';
import { absoluteUrl, esc } from './escape.js';
import { monthGrid, statusOf } from './event-calendar.js';
import { page } from './layout.js';
import { frame } from './frame.js';
import { languageName, ui, type UiStrings } from './strings.js';

/** How many upcoming events the first page lists before its calendar. */
const UPCOMING = 50;

/** A file of the events folder as linked from a page inside it. */
const here = (path: string) => path.slice('events/'.length);

/** One event in a list: title link, its days (for screen readers too), place, and where it stands. */
function eventItem(plan: SitePlan, r: EventRelease, pageLang: string, t: UiStrings, today: CalendarDate | null): string {
  const lang = r.lang === pageLang ? '' : ` lang="${esc(r.lang)}"`;
  const status = statusOf(r, today);
  const label = status
    ? ` · <span class="status ${status}"${lang ? ` lang="${esc(t.lang)}"` : ''}>${esc({ past: t.eventPast, ongoing: t.eventOngoing, upcoming: t.eventUpcoming }[status])}</span>`
    : '';
  const place = r.event.location ? ` · ${esc(r.event.location)}` : '';
  return `<li${lang}${status ? ` class="${status}"` : ''}><a href="../${esc(plan.pageOf(r))}">${esc(r.title)}</a> <span class="meta"><time datetime="${esc(r.event.start)}">${esc(formatPeriod(r.event, r.lang))}</time>${place}${label}</span></li>`;
}

/** Links to the first page of every scope: all languages, then each language. */
function scopeLinks(plan: SitePlan, current: EventScope, t: UiStrings): string {
  const items = plan.events.map((s) => {
    const name = s.lang ? `<span lang="${esc(s.lang)}">${esc(languageName(s.lang))}</span>` : esc(t.allLanguages);
    return `<li><a href="${esc(here(s.pages[0].path))}"${s === current ? ' aria-current="page"' : ''}>${name}</a> <span class="count">(${s.releases.length})</span></li>`;
  });
  return `<nav aria-label="${esc(t.language)}"><ul class="chips">${items.join('')}</ul></nav>`;
}

/** Links to each year's newest month, on whichever page holds it. */
function yearLinks(scope: EventScope, t: UiStrings): string {
  const years = new Map<string, string>();
  for (const p of scope.pages)
    for (const m of p.months) if (!years.has(m.month.slice(0, 4))) years.set(m.month.slice(0, 4), `${here(p.path)}#m-${m.month}`);
  if (years.size < 2) return '';
  return `<nav aria-label="${esc(t.years)}"><ul class="chips">${[...years].map(([y, href]) => `<li><a href="${esc(href)}">${esc(y)}</a></li>`).join('')}</ul></nav>`;
}

/** The newer/older links between the pages of a scope; the one at the foot is the landmark (landmarks need names of their own). */
function pager(scope: EventScope, i: number, t: UiStrings, foot: boolean): string {
  const newer = scope.pages[i - 1];
  const older = scope.pages[i + 1];
  if (!newer && !older) return '';
  const links = `${newer ? `<a href="${esc(here(newer.path))}" rel="prev">← ${esc(t.newer)}</a>` : ''}${older ? `<a href="${esc(here(older.path))}" rel="next">${esc(t.older)} →</a>` : ''}`;
  return foot ? `<nav class="pager" aria-label="${esc(t.events)}">${links}</nav>` : `<p class="pager">${links}</p>`;
}

/**
 * One page of the events calendar of a scope (all languages, or one): the `.ics` link, the
 * upcoming events (first page), then each month newest first, as a grid of weeks with the
 * events as spans and as a list with their dates. `today` splits past from upcoming: the
 * day of the export, so pages change only when an event passes.
 */
export function eventsPage(plan: SitePlan, scope: EventScope, i: number, baseUrl: string | null, today: CalendarDate | null): string {
  const t = ui(scope.lang ?? plan.settings.lang);
  // A language the site has no words for gets English ones: the page is then in English,
  // and each release in it carries its own lang.
  const lang = t.lang === (scope.lang ?? plan.settings.lang).toLowerCase().split('-')[0] ? (scope.lang ?? plan.settings.lang) : t.lang;
  const own = scope.pages[i];
  const heading = scope.lang ? `${t.events}: ${languageName(scope.lang)}` : t.events;
  const months = own.months.map((m) => formatMonth(m.month, lang));
  const title = `${heading}${i ? ` (${months[0]} – ${months[months.length - 1]})` : ''} — ${plan.settings.name}`;
  const base = frame(plan, '../', title, own.path, baseUrl);
  const calendar = {
    href: here(scope.ics),
    type: 'text/calendar',
    title: `${plan.settings.name}${scope.lang ? ` (${languageName(scope.lang)})` : ''}`,
  };
  const f = { ...base, lang, t, feeds: [...(base.feeds ?? []), calendar], styles: ['assets/events.css'] };
  const link = (r: EventRelease) => `../${plan.pageOf(r)}`;
  const upcoming = i === 0 && today ? scope.releases.filter((r) => r.event.end >= today).slice(0, UPCOMING) : [];
  const subscribe = baseUrl ? ` <code>${esc(absoluteUrl(baseUrl, scope.ics))}</code>` : '';
  const main = [
    `<h1>${esc(heading)}</h1>`,
    `<p class="lead">${esc(t.eventCount(scope.releases.length))}</p>`,
    `<p class="ics"><a href="${esc(calendar.href)}" type="text/calendar">${esc(t.calendarFile)}</a><br><span class="help">${esc(t.calendarHelp)}${subscribe}</span></p>`,
    scopeLinks(plan, scope, t),
    yearLinks(scope, t),
    upcoming.length
      ? `<section aria-labelledby="upcoming-h"><h2 id="upcoming-h">${esc(t.upcomingEvents)}</h2><ol class="releases events">${upcoming.map((r) => eventItem(plan, r, lang, t, today)).join('')}</ol></section>`
      : '',
    pager(scope, i, t, false),
    own.months.length ? '' : `<p class="empty">${esc(t.noEvents)}</p>`,
    ...own.months.map(
      (
        m,
        k,
      ) => `<section class="month" id="m-${esc(m.month)}" aria-labelledby="m-${esc(m.month)}-h"><h2 id="m-${esc(m.month)}-h">${esc(months[k])}</h2>
${monthGrid(m, lang, link, today)}
<ol class="releases events">${m.releases.map((r) => eventItem(plan, r, lang, t, today)).join('\n')}</ol></section>`,
    ),
    pager(scope, i, t, true),
  ];
  return page(f, main.filter(Boolean).join('\n'));
}
