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

const DAY = { day: 'numeric', month: 'long', year: 'numeric' } as const;

/**
 * A day's text with its day numbers left open: `["", " октомври 2018 г."]` for any day of
 * October 2018, the days going between the pieces. Intl formats a date in tens of
 * microseconds and an export writes each date on several pages, so each month (or pair of
 * months, for a range) is formatted twice, once with days 1–2 and once with 11–12, and
 * used only when the two agree in everything but those days, written in ASCII digits;
 * otherwise (other digits, padding) null, and every date goes through Intl.
 */
type Shape = string[] | null;
const shapes = new Map<string, Shape>();
/** Shapes made since `takeShapes` last gave them, while `recordShapes` is on (on the Markdown thread). */
let made: [string, Shape][] | null = null;

function remember(key: string, shape: Shape): void {
  shapes.set(key, shape);
  made?.push([key, shape]);
}

function shapeOf(samples: Intl.DateTimeFormatPart[][], days: number[][]): Shape {
  let shape: Shape = null;
  for (let s = 0; s < samples.length; s++) {
    const texts: string[] = [''];
    let n = 0;
    for (const part of samples[s]) {
      if (part.type === 'day') {
        if (part.value !== String(days[s][n++])) return null;
        texts.push('');
      } else texts[texts.length - 1] += part.value;
    }
    if (n !== days[s].length || (shape && shape.join('\0') !== texts.join('\0'))) return null;
    shape = texts;
  }
  return shape;
}

const LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Year, month and day of a real date, or null for anything else (`utcDate` rolls 30 February over to March). */
function ymd(date: CalendarDate): [number, number, number] | null {
  const [y, m, d] = date.split('-').map(Number);
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || m < 1 || m > 12 || d < 1) return null;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (m === 2 && leap ? 29 : LENGTHS[m - 1]) ? [y, m, d] : null;
}

function sample(y: number, m: number, d: number): Date {
  const t = new Date(Date.UTC(2000, m - 1, d));
  t.setUTCFullYear(y);
  return t;
}

/** The day's text through its month's shape, or null when the month has none. */
function fastDay(date: CalendarDate, lang: string): string | null {
  const at = ymd(date);
  if (!at) return null;
  const [y, m, d] = at;
  const key = `${lang}|${y}|${m}`;
  let shape = shapes.get(key);
  if (shape === undefined) {
    const f = format(lang, DAY, 'day');
    shape = shapeOf([f.formatToParts(sample(y, m, 1)), f.formatToParts(sample(y, m, 12))], [[1], [12]]);
    remember(key, shape);
  }
  return shape && shape.length === 2 ? shape[0] + d + shape[1] : null;
}

/** A range's text through its pair of months' shape, or null when it has none. */
function fastRange(period: Period, lang: string): string | null {
  const a = ymd(period.start);
  const b = ymd(period.end);
  if (!a || !b || a[0] * 400 + a[1] * 32 + a[2] >= b[0] * 400 + b[1] * 32 + b[2]) return null;
  const key = `${lang}|${a[0]}|${a[1]}|${b[0]}|${b[1]}`;
  let shape = shapes.get(key);
  if (shape === undefined) {
    const f = format(lang, DAY, 'day');
    const two = (d: number, e: number) => f.formatRangeToParts(sample(a[0], a[1], d), sample(b[0], b[1], e));
    shape = shapeOf(
      [two(1, 2), two(11, 12)],
      [
        [1, 2],
        [11, 12],
      ],
    );
    remember(key, shape);
  }
  return shape && shape.length === 3 ? shape[0] + a[2] + shape[1] + b[2] + shape[2] : null;
}

/**
 * Makes the months' shapes `formatDay` and `formatPeriod` use for a release's days (its date,
 * period and event), without formatting them: on the Markdown thread, whose shapes the
 * main thread then adds (`takeShapes`, `addShapes`), sparing it the Intl calls. Shapes depend
 * only on their key (language and months), so either thread makes the same.
 */
export function makeShapes(lang: string, day: CalendarDate, periods: readonly (Period | null)[]): void {
  made ??= [];
  fastDay(day, lang);
  for (const p of periods) if (p) p.start === p.end ? fastDay(p.start, lang) : fastRange(p, lang);
}

/** The shapes made since the last call (see `makeShapes`). */
export function takeShapes(): [string, Shape][] {
  const out = made ?? [];
  if (made) made = [];
  return out;
}

/** Adds shapes made on another thread (`takeShapes` there); a shape made here already is kept. */
export function addShapes(entries: readonly [string, Shape][]): void {
  for (const [key, shape] of entries) if (!shapes.has(key)) shapes.set(key, shape);
}

/** A day as the language writes it: `15 октомври 2018`, `15 tetor 2018`, `15 October 2018`. */
export function formatDay(date: CalendarDate, lang: string): string {
  return tidy(fastDay(date, lang) ?? format(lang, DAY, 'day').format(utcDate(date)), lang);
}

const periods = new Map<string, string>();

/** A period: one day, or a range written the language's way (`15–18 октомври 2018`). */
export function formatPeriod(period: Period, lang: string): string {
  // Each release's period is written on several pages: format it once.
  const key = `${lang}|${period.start}|${period.end}`;
  let text = periods.get(key);
  if (text === undefined) {
    text =
      period.start === period.end
        ? formatDay(period.start, lang)
        : tidy(fastRange(period, lang) ?? format(lang, DAY, 'day').formatRange(utcDate(period.start), utcDate(period.end)), lang);
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
