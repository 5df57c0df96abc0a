import type { CalendarDate, Period } from '../../core/types.js';

const formats = new Map<string, Intl.DateTimeFormat>();

function locale(lang: string): string {
  // English readers of a Balkan archive get day-first dates (15 October 2018).
  return lang.toLowerCase() === 'en' ? 'en-GB' : lang;
}

function format(lang: string, options: Intl.DateTimeFormatOptions, key: string): Intl.DateTimeFormat {
  let f = formats.get(`${lang}|${key}`);
  if (!f) {
    let loc = locale(lang);
    try {
      new Intl.DateTimeFormat(loc);
    } catch {
      loc = 'en-GB';
    }
    formats.set(`${lang}|${key}`, (f = new Intl.DateTimeFormat(loc, { ...options, timeZone: 'UTC' })));
  }
  return f;
}

/** A calendar date as the instant of its UTC midnight: formatted in UTC, no zone moves the day. */
export function utcDate(date: CalendarDate): Date {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(2000, m - 1, d));
  t.setUTCFullYear(y);
  return t;
}

function tidy(text: string, lang: string): string {
  // `15 – 18` → `15–18`: a day range is written closed up; the Macedonian year suffix
  // `г.` is dropped, as the archive's own releases write dates.
  let out = text.replace(/^(\d{1,2}\.?)\s+–\s+(?=\d)/, '$1–').replace(/[\u202f\u2009]/g, ' ');
  if (lang.toLowerCase().startsWith('mk')) out = out.replace(/\s*г\.(?=\s|$)/g, '');
  return out;
}

/** A day as the language writes it: `15 октомври 2018`, `15 tetor 2018`, `15 October 2018`. */
export function formatDay(date: CalendarDate, lang: string): string {
  return tidy(format(lang, { day: 'numeric', month: 'long', year: 'numeric' }, 'day').format(utcDate(date)), lang);
}

const periods = new Map<string, string>();

/** A period: one day, or a range written the language's way (`15–18 октомври 2018`). */
export function formatPeriod(period: Period, lang: string): string {
  // Each release's period is written on several pages: format it once.
  const key = `${lang}|${period.start}|${period.end}`;
  let text = periods.get(key);
  if (text === undefined) {
    const f = format(lang, { day: 'numeric', month: 'long', year: 'numeric' }, 'day');
    text =
      period.start === period.end ? formatDay(period.start, lang) : tidy(f.formatRange(utcDate(period.start), utcDate(period.end)), lang);
    if (periods.size > 100_000) periods.clear();
    periods.set(key, text);
  }
  return text;
}

/** A month with its year (`октомври 2018`), for chart labels. */
export function formatMonth(month: string, lang: string): string {
  return tidy(format(lang, { month: 'long', year: 'numeric' }, 'month').format(utcDate(`${month}-01`)), lang);
}

/** The short names of the weekdays, Monday first (`пон.`, `Hën`, `Mon`), for calendar heads. */
export function weekdayNames(lang: string): string[] {
  // 2018-10-15 was a Monday.
  const f = format(lang, { weekday: 'short' }, 'weekday');
  return Array.from({ length: 7 }, (_, i) => f.format(utcDate(`2018-10-${15 + i}`)));
}
