import type { EventMonth, EventRelease } from '../../core/export/events-plan.js';
import { addDays } from '../../core/dates.js';
import type { CalendarDate } from '../../core/types.js';
import { utcDate, weekdayNames } from './date-format.js';
import { esc } from './escape.js';

/** Where an event stands on the day of the export. */
export type EventStatus = 'past' | 'ongoing' | 'upcoming';

/** An event's status on `today`, or null when the export has no day to compare with. */
export function statusOf(r: EventRelease, today: CalendarDate | null): EventStatus | null {
  if (!today) return null;
  return r.event.end < today ? 'past' : r.event.start > today ? 'upcoming' : 'ongoing';
}

/** Rows of bars a week shows; the events that do not fit are counted under their days. */
const LANES = 4;

const weekCache = new Map<string, CalendarDate[][]>();

/** The weeks (Monday first) that hold the days of a month: 7 dates each, neighbours' days included. */
function weeks(month: string): CalendarDate[][] {
  // Every scope (all languages, each language) draws the same months.
  const known = weekCache.get(month);
  if (known) return known;
  if (weekCache.size > 10_000) weekCache.clear();
  const first = `${month}-01`;
  const out: CalendarDate[][] = [];
  weekCache.set(month, out);
  for (let day = addDays(first, -((utcDate(first).getUTCDay() + 6) % 7)); day.slice(0, 7) <= month; day = addDays(day, 7)) {
    out.push(Array.from({ length: 7 }, (_, i) => addDays(day, i)));
  }
  return out;
}

const daysBetween = (a: CalendarDate, b: CalendarDate) => Math.round((utcDate(b).getTime() - utcDate(a).getTime()) / 86_400_000);

/** One week row: day numbers, then each event's part of the week as a bar spanning its days. */
function week(days: CalendarDate[], m: EventMonth, link: (r: EventRelease) => string, today: CalendarDate | null): string {
  const inMonth = (d: CalendarDate) => d.slice(0, 7) === m.month;
  const first = days.find(inMonth)!;
  const last = [...days].reverse().find(inMonth)!;
  const cells = days.map(
    (d, i) =>
      `<span class="d c${i + 1} r1${inMonth(d) ? '' : ' out'}${d === today ? ' today' : ''}">${inMonth(d) ? Number(d.slice(8)) : ''}</span>`,
  );
  const lanes: boolean[][] = [];
  const hidden = new Array<number>(7).fill(0);
  const bars: string[] = [];
  for (const r of m.releases) {
    // biome-ignore lint/complexity/useMathMinMax: ISO date strings, which Math.max/min would turn into NaN
    const start = r.event.start > first ? r.event.start : first;
    // biome-ignore lint/complexity/useMathMinMax: as above
    const end = r.event.end < last ? r.event.end : last;
    if (start > end) continue;
    const col = days.indexOf(start);
    const span = daysBetween(start, end) + 1;
    let lane = lanes.findIndex((used) => !used.slice(col, col + span).some(Boolean));
    if (lane < 0 && lanes.length < LANES) lane = lanes.push(new Array<boolean>(7).fill(false)) - 1;
    if (lane < 0) {
      for (let i = col; i < col + span; i++) hidden[i]++;
      continue;
    }
    lanes[lane].fill(true, col, col + span);
    const cls = [
      'bar',
      `c${col + 1}`,
      `w${span}`,
      `r${lane + 2}`,
      statusOf(r, today) ?? '',
      r.event.start < start ? 'from' : '',
      r.event.end > end ? 'to' : '',
    ]
      .filter(Boolean)
      .join(' ');
    bars.push(`<a class="${cls}" href="${esc(link(r))}" tabindex="-1" title="${esc(r.title)}">${esc(r.title)}</a>`);
  }
  const more = hidden.map((n, i) => (n ? `<span class="more c${i + 1} r${LANES + 2}">+${n}</span>` : '')).join('');
  return `<div class="week${bars.length || more ? '' : ' quiet'}">${cells.join('')}${bars.join('')}${more}</div>`;
}

const heads = new Map<string, string>();

/**
 * A month as a grid of weeks with the events as bars across their days. It is drawn for
 * the eye only (`aria-hidden`, bars out of the tab order): the list under it gives every
 * event with its dates to screen readers and keyboards.
 */
export function monthGrid(m: EventMonth, lang: string, link: (r: EventRelease) => string, today: CalendarDate | null): string {
  let head = heads.get(lang);
  if (head === undefined)
    heads.set(
      lang,
      (head = weekdayNames(lang)
        .map((n) => `<span>${esc(n)}</span>`)
        .join('')),
    );
  return `<div class="cal" aria-hidden="true"><div class="cal-head">${head}</div>${weeks(m.month)
    .map((w) => week(w, m, link, today))
    .join('')}</div>`;
}
