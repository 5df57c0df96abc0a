import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { formatDay, formatPeriod } from '../../src/render/html/date-format.js';

// The formatting before months were shaped once: Intl on every date (the reference).
const made = new Map<string, Intl.DateTimeFormat>();
function intl(lang: string): Intl.DateTimeFormat {
  const known = made.get(lang);
  if (known) return known;
  let loc = lang.toLowerCase() === 'en' ? 'en-GB' : lang;
  try {
    new Intl.DateTimeFormat(loc);
  } catch {
    loc = 'en-GB';
  }
  const f = new Intl.DateTimeFormat(loc, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  made.set(lang, f);
  return f;
}
function utc(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(2000, m - 1, d));
  t.setUTCFullYear(y);
  return t;
}
function tidy(text: string, lang: string): string {
  let out = text.replace(/^(\d{1,2}\.?)\s+–\s+(?=\d)/, '$1–').replace(/[\u202f\u2009]/g, ' ');
  if (lang.toLowerCase().startsWith('mk')) out = out.replace(/\s*г\.(?=\s|$)/g, '');
  return out;
}
const reference = (p: { start: string; end: string }, lang: string) =>
  tidy(p.start === p.end ? intl(lang).format(utc(p.start)) : intl(lang).formatRange(utc(p.start), utc(p.end)), lang);

const LANGS = [
  'mk',
  'sq',
  'en',
  'EN',
  'en-US',
  'es',
  'de',
  'fr',
  'sr',
  'sr-Latn',
  'bg',
  'ru',
  'pl',
  'ar',
  'fa',
  'hi',
  'ja',
  'zh',
  'ko',
  'th',
  'he',
  'xx-nonsense',
];
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

describe('dates formatted through their month', () => {
  it('gives Intl’s text for every day of 2016–2020, in every language tried', () => {
    for (const lang of LANGS)
      for (let t = Date.UTC(2016, 0, 1); t < Date.UTC(2021, 0, 1); t += 86_400_000) {
        const d = iso(t);
        expect(formatDay(d, lang), `${lang} ${d}`).toBe(reference({ start: d, end: d }, lang));
      }
  });

  it('gives Intl’s text for ranges within a month, across months and across years', () => {
    const day = fc.integer({ min: Date.UTC(1999, 0, 1), max: Date.UTC(2031, 0, 1) }).map((t) => iso(t - (t % 86_400_000)));
    fc.assert(
      fc.property(fc.constantFrom(...LANGS), day, fc.integer({ min: 0, max: 800 }), (lang, start, span) => {
        const end = iso(Date.parse(start) + span * 86_400_000);
        expect(formatPeriod({ start, end }, lang)).toBe(reference({ start, end }, lang));
      }),
      { numRuns: 2000 },
    );
  });

  it('rolls over days a month does not have, and writes backward ranges, as Intl does', () => {
    for (const lang of ['mk', 'sq', 'en']) {
      for (const d of ['2018-02-29', '2018-02-30', '2020-02-30', '2018-04-31', '1900-02-29', '2000-02-29', '0099-03-05'])
        expect(formatDay(d, lang)).toBe(reference({ start: d, end: d }, lang));
      const back = { start: '2018-10-18', end: '2018-10-15' };
      let want: string | Error;
      try {
        want = reference(back, lang);
      } catch (e) {
        want = e as Error;
      }
      if (typeof want === 'string') expect(formatPeriod(back, lang)).toBe(want);
      else expect(() => formatPeriod(back, lang)).toThrow(want.constructor as ErrorConstructor);
    }
  });

  it('keeps the archive’s own spellings', () => {
    expect(formatPeriod({ start: '2018-10-15', end: '2018-10-18' }, 'mk')).toBe('15–18 октомври 2018');
    expect(formatPeriod({ start: '2018-10-30', end: '2018-11-02' }, 'sq')).toBe('30 tetor – 2 nëntor 2018');
    expect(formatPeriod({ start: '2018-12-28', end: '2019-01-02' }, 'en')).toBe('28 December 2018 – 2 January 2019');
  });
});

describe('date shapes made on another thread', () => {
  const fresh = async () => {
    vi.resetModules();
    return import('../../src/render/html/date-format.js');
  };
  const days = ['2018-10-15', '2019-02-28', '2020-02-29', '2021-12-31', '0999-01-05'];
  const periods = [
    { start: '2018-10-15', end: '2018-10-18' },
    { start: '2018-10-30', end: '2018-11-02' },
    { start: '2021-12-30', end: '2022-01-02' },
    { start: '2019-05-05', end: '2019-05-05' },
  ];

  it('give every day and period the text of shapes made here', async () => {
    const there = await fresh();
    for (const lang of ['mk', 'sq', 'en', 'sr-Latn', 'ar', 'xx'])
      for (const day of days) there.makeShapes(lang, day, [periods[0], null, ...periods.slice(1)]);
    const shapes = there.takeShapes();
    expect(shapes.length).toBeGreaterThan(0);
    expect(there.takeShapes()).toEqual([]);
    const given = await fresh();
    given.addShapes(shapes);
    const own = await fresh();
    for (const lang of ['mk', 'sq', 'en', 'sr-Latn', 'ar', 'xx']) {
      for (const day of days) expect(given.formatDay(day, lang)).toBe(own.formatDay(day, lang));
      for (const p of periods) expect(given.formatPeriod(p, lang)).toBe(own.formatPeriod(p, lang));
    }
  });
});
