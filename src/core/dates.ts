import type { CalendarDate, Period } from './types.js';

/** Why a text could not be read as a date: the text is not a date, or the day does not exist. */
export type DateProblem = 'unreadable' | 'impossible';

/** A date read from text, or why it could not be. */
export type DateResult = { ok: true; date: CalendarDate } | { ok: false; problem: DateProblem };

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[T ]|\s+).*)?$/;
const DAY_FIRST = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?:\s*(?:г(?:од(?:ина)?)?\.?|\.))?$/u;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Builds `YYYY-MM-DD` from numbers, or null when that day does not exist. */
export function calendarDate(year: number, month: number, day: number): CalendarDate | null {
  if (month < 1 || month > 12 || day < 1 || year < 1 || year > 9999) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * Reads a calendar date as written: `2018-10-15`, `2015-01-02 11:00:28 -0400` (the date
 * part as written, whatever the offset), `2018-10-15T10:00:00Z`, or day-first `15.10.2018`.
 */
export function parseDate(text: string): DateResult {
  const s = text.trim();
  const iso = ISO.exec(s);
  const dmy = iso ? null : DAY_FIRST.exec(s);
  const parts = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : null;
  if (!parts) return { ok: false, problem: 'unreadable' };
  const date = calendarDate(Number(parts[0]), Number(parts[1]), Number(parts[2]));
  return date ? { ok: true, date } : { ok: false, problem: 'impossible' };
}

/** The day after or before a calendar date. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Today's calendar date where the user is (local time), from an instant. */
export function today(now: Date): CalendarDate {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Reads a date given on the command line as a period: `YYYY` is the whole year, `YYYY-MM`
 * (or `M.YYYY`) the whole month, any full date one day.
 */
export function parsePeriodArg(text: string): { ok: true; period: Period } | { ok: false; problem: DateProblem } {
  const s = text.trim();
  let m = /^(\d{4})$/.exec(s);
  if (m) return { ok: true, period: { start: `${m[1]}-01-01`, end: `${m[1]}-12-31` } };
  m = /^(\d{4})-(\d{1,2})$/.exec(s) ?? /^(\d{1,2})\.(\d{4})$/.exec(s);
  if (m) {
    const [year, month] = s.includes('-') ? [Number(m[1]), Number(m[2])] : [Number(m[2]), Number(m[1])];
    const start = calendarDate(year, month, 1);
    if (!start) return { ok: false, problem: 'impossible' };
    const end = addDays(calendarDate(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1)!, -1);
    return { ok: true, period: { start, end } };
  }
  const one = parseDate(s);
  return one.ok ? { ok: true, period: { start: one.date, end: one.date } } : one;
}

/**
 * Reads an event period as people write it: `2018-10-15..2018-10-18`, `15.10.2018-18.10.2018`,
 * `15-18.10.2018`, `15.10-18.10.2018`, or one date.
 */
export function parseRange(text: string): { ok: true; period: Period } | { ok: false; problem: DateProblem } {
  const s = text.trim().replace(/\s*[–—]\s*/g, '-');
  const both = (a: string, b: string) => {
    const start = parseDate(a);
    const end = parseDate(b);
    if (!start.ok) return start;
    if (!end.ok) return end;
    return { ok: true as const, period: { start: start.date, end: end.date } };
  };
  let m = /^(.+?)\s*\.\.\s*(.+)$/.exec(s);
  if (m) return both(m[1], m[2]);
  m = /^(\d{1,2})-(\d{1,2})\.(\d{1,2})\.(\d{4})\.?$/.exec(s);
  if (m) return both(`${m[1]}.${m[3]}.${m[4]}`, `${m[2]}.${m[3]}.${m[4]}`);
  m = /^(\d{1,2})\.(\d{1,2})\.?-(\d{1,2})\.(\d{1,2})\.(\d{4})\.?$/.exec(s);
  if (m) return both(`${m[1]}.${m[2]}.${m[5]}`, `${m[3]}.${m[4]}.${m[5]}`);
  m = /^(\d{1,2}\.\d{1,2}\.\d{4})\s*-\s*(\d{1,2}\.\d{1,2}\.\d{4})$/.exec(s);
  if (m) return both(m[1], m[2]);
  m = /^(\d{4}-\d{1,2}-\d{1,2})\s*-\s*(\d{4}-\d{1,2}-\d{1,2})$/.exec(s);
  if (m) return both(m[1], m[2]);
  const one = parseDate(s);
  return one.ok ? { ok: true, period: { start: one.date, end: one.date } } : one;
}

/** True when two inclusive periods share at least one day. */
export function overlaps(a: Period, b: Period): boolean {
  return a.start <= b.end && b.start <= a.end;
}
