import { calendarReleases, type EventRelease } from '../core/export/events-plan.js';
import type { ArchivedRelease } from '../core/types.js';
import { addDays } from '../core/dates.js';
import { absoluteUrl } from './html/escape.js';
import { ui } from './html/strings.js';
import { foldLine, icsDate, icsText, icsUri, languageParam } from './ics-text.js';

/** What a calendar needs to know about its archive and site. */
export interface CalendarSite {
  /** The calendar's name (`X-WR-CALNAME`, `NAME`): the archive's name. */
  name: string;
  /** Absolute URL of the site root: events then link to their release page. */
  baseUrl: string | null;
  /** The page of a release, relative to the site root (the site plan's `pageOf`). */
  pageOf(r: ArchivedRelease): string;
}

/**
 * The domain part of every UID: the host of the base URL, else `releases`. UIDs are
 * `<id>@<host>`, so they stay the same from one export to the next.
 */
export function uidHost(baseUrl: string | null): string {
  try {
    return baseUrl ? new URL(baseUrl).host.toLowerCase() || 'releases' : 'releases';
  } catch {
    return 'releases';
  }
}

/** The DESCRIPTION of a release's event: its summary, then its partners. */
function description(r: ArchivedRelease): string {
  const parts = [r.summary ?? '', r.partners.length ? `${ui(r.lang).partners}: ${r.partners.join(', ')}` : ''];
  return parts.filter(Boolean).join('\n\n');
}

/**
 * One all-day VEVENT. DTEND is the day after the event's end (RFC 5545: the end of an
 * all-day event is exclusive). DTSTAMP is the release's date at UTC midnight, not the time
 * of the export: the same archive gives the same bytes.
 */
function vevent(site: CalendarSite, r: EventRelease, uid: string): string {
  const lang = languageParam(r.lang);
  const about = description(r);
  const lines = [
    'BEGIN:VEVENT',
    `UID:${icsText(uid)}`,
    `DTSTAMP:${icsDate(r.date)}T000000Z`,
    `DTSTART;VALUE=DATE:${icsDate(r.event.start)}`,
    `DTEND;VALUE=DATE:${icsDate(addDays(r.event.end, 1))}`,
    `SUMMARY${lang}:${icsText(r.title)}`,
    r.event.location ? `LOCATION${lang}:${icsText(r.event.location)}` : '',
    about ? `DESCRIPTION${lang}:${icsText(about)}` : '',
    site.baseUrl ? `URL;VALUE=URI:${icsUri(absoluteUrl(site.baseUrl, site.pageOf(r)))}` : '',
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
  return lines.filter(Boolean).map(foldLine).join('');
}

export { calendarReleases };

/** Events per chunk of the calendar's text. */
const PIECE = 200;

/**
 * An iCalendar file (RFC 5545) of the releases that have an event, in chunks of text for
 * the caller to write one by one. Releases sharing an id get `-2`, `-3`… on their UID, in
 * calendar order, so no two events of one file ever share one.
 */
export function* icsCalendar(site: CalendarSite, releases: ArchivedRelease[]): Generator<string> {
  yield [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//releases//NONSGML releases//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText(site.name)}`,
    `NAME:${icsText(site.name)}`,
    'REFRESH-INTERVAL;VALUE=DURATION:P1D',
    'X-PUBLISHED-TTL:P1D',
  ]
    .map(foldLine)
    .join('');
  const host = uidHost(site.baseUrl);
  const seen = new Map<string, number>();
  const events = calendarReleases(releases);
  for (let from = 0; from < events.length; from += PIECE) {
    yield events
      .slice(from, from + PIECE)
      .map((r) => {
        const n = (seen.get(r.id) ?? 0) + 1;
        seen.set(r.id, n);
        return vevent(site, r, `${icsUri(r.id)}${n > 1 ? `-${n}` : ''}@${host}`);
      })
      .join('');
  }
  yield 'END:VCALENDAR\r\n';
}
