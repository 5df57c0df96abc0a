import type { ArchivedRelease, ReleaseEvent } from '../types.js';

/** A release that reports on an event. */
export type EventRelease = ArchivedRelease & { event: ReleaseEvent };

/** One month of the calendar: the events that touch it, by start. */
export interface EventMonth {
  /** `YYYY-MM`. */
  month: string;
  releases: EventRelease[];
}

/** One page of the events calendar: a run of months, newest first. */
export interface EventPage {
  /** Path relative to the site root (`events/index.html`, `events/mk-2018-10.html`). */
  path: string;
  months: EventMonth[];
}

/** The events of one language (or of all, `lang` null): their pages and their `.ics` file. */
export interface EventScope {
  lang: string | null;
  /** Path of the scope's iCalendar file, relative to the site root. */
  ics: string;
  /** Every event of the scope, in calendar order (see `calendarReleases`). */
  releases: EventRelease[];
  /** At least one page, the first one empty when there are no events. */
  pages: EventPage[];
}

/** About how many event entries (an event once per month it touches) a page holds. */
export const EVENTS_PER_PAGE = 100;

/** An event is shown in at most this many months (from its start): a decade-long one would fill pages. */
const MAX_MONTHS = 12;

/** Releases that have an event, in calendar order: by start, then end, then file. */
export function calendarReleases(releases: ArchivedRelease[]): EventRelease[] {
  return releases
    .filter((r): r is EventRelease => r.event !== null)
    .sort((a, b) =>
      a.event.start !== b.event.start
        ? a.event.start < b.event.start
          ? -1
          : 1
        : a.event.end !== b.event.end
          ? a.event.end < b.event.end
            ? -1
            : 1
          : a.path < b.path
            ? -1
            : 1,
    );
}

/** The months (`YYYY-MM`) an event touches, at most MAX_MONTHS from its start. */
export function monthsOf(e: ReleaseEvent): string[] {
  const first = e.start.slice(0, 7);
  const last = e.end.slice(0, 7);
  // Most events lie within a month.
  if (last === first) return [first];
  const out: string[] = [];
  let y = Number(first.slice(0, 4));
  let m = Number(first.slice(5, 7));
  for (let key = first; out.length < MAX_MONTHS && key <= last; ) {
    out.push(key);
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y++;
    key = `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}`;
  }
  return out;
}

/** The pages of one scope: months newest first, about EVENTS_PER_PAGE entries a page, a month never cut. */
function paginate(
  events: EventRelease[],
  first: string,
  later: (month: string) => string,
  months: (r: EventRelease) => string[],
): EventPage[] {
  const byMonth = new Map<string, EventRelease[]>();
  for (const r of events) {
    for (const month of months(r)) {
      const list = byMonth.get(month);
      if (list) list.push(r);
      else byMonth.set(month, [r]);
    }
  }
  const ordered = [...byMonth.keys()]
    .sort()
    .reverse()
    .map((month) => ({ month, releases: byMonth.get(month)! }));
  const pages: EventPage[] = [{ path: first, months: [] }];
  let size = 0;
  for (const m of ordered) {
    const page = pages[pages.length - 1];
    if (page.months.length && size + m.releases.length > EVENTS_PER_PAGE) {
      pages.push({ path: later(m.month), months: [m] });
      size = m.releases.length;
    } else {
      page.months.push(m);
      size += m.releases.length;
    }
  }
  return pages;
}

/** The events pages and calendars of a site: one scope for all languages, then one per language. Pure. */
export function planEvents(releases: ArchivedRelease[], langs: string[]): EventScope[] {
  const all = calendarReleases(releases);
  // Each event falls in the scope of all languages and in its own: its months are worked out once.
  const known = new Map<EventRelease, string[]>();
  const months = (r: EventRelease) => {
    let m = known.get(r);
    if (!m) known.set(r, (m = monthsOf(r.event)));
    return m;
  };
  // File names in lower case, as every page of the site: `sr-Latn` and `sr-latn` get two.
  const taken = new Set<string>();
  const fileKey = (lang: string) => {
    let key = lang.toLowerCase();
    for (let n = 2; taken.has(key); n++) key = `${lang.toLowerCase()}-${n}`;
    taken.add(key);
    return key;
  };
  return [
    { lang: null, ics: 'events/calendar.ics', releases: all, pages: paginate(all, 'events/index.html', (m) => `events/${m}.html`, months) },
    ...langs.map((lang) => {
      const own = all.filter((r) => r.lang === lang);
      const key = fileKey(lang);
      return {
        lang,
        ics: `events/calendar-${key}.ics`,
        releases: own,
        pages: paginate(own, `events/${key}.html`, (m) => `events/${key}-${m}.html`, months),
      };
    }),
  ];
}
