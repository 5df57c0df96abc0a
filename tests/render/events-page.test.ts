import { describe, expect, it } from 'vitest';
import { EVENTS_PER_PAGE, monthsOf, planEvents } from '../../src/core/export/events-plan.js';
import { planSite } from '../../src/core/export/site-plan.js';
import { Registry } from '../../src/core/registry.js';
import type { ArchivedRelease } from '../../src/core/types.js';
import { eventsPage } from '../../src/render/html/events-page.js';
import { siteFiles } from '../../src/render/html/site.js';
import { archived, settings } from '../helpers/release.js';

function release(id: string, start: string | null, end = start, over: Partial<ArchivedRelease> = {}): ArchivedRelease {
  const date = start ?? '2020-01-01';
  const event = start ? { start, end: end!, location: 'Скопје' } : null;
  const period = { start: start ?? date, end: end ?? date };
  return archived({ id, path: `${id}.md`, title: `Настан ${id}`, date, event, body: '', bodyLine: 3, period }, over);
}
const registry = new Registry([]);

describe('planEvents', () => {
  it('puts an event in every month it touches (at most 12), months newest first', () => {
    expect(monthsOf({ start: '2020-11-30', end: '2021-01-02', location: null })).toEqual(['2020-11', '2020-12', '2021-01']);
    expect(monthsOf({ start: '0001-01-01', end: '9999-12-31', location: null })).toHaveLength(12);
    const [all, mk, sq] = planEvents(
      [
        release('a', '2020-11-30', '2021-01-02'),
        release('b', '2020-12-10'),
        release('c', null),
        release('d', '2019-05-05', '2019-05-05', { lang: 'sq' }),
      ],
      ['mk', 'sq'],
    );
    expect(all.pages).toHaveLength(1);
    expect(all.pages[0].months.map((m) => [m.month, m.releases.map((r) => r.id)])).toEqual([
      ['2021-01', ['a']],
      ['2020-12', ['a', 'b']],
      ['2020-11', ['a']],
      ['2019-05', ['d']],
    ]);
    expect([all.ics, mk.ics, sq.ics]).toEqual(['events/calendar.ics', 'events/calendar-mk.ics', 'events/calendar-sq.ics']);
    expect([mk.pages[0].path, sq.pages[0].path, mk.releases.length, sq.releases.length]).toEqual([
      'events/mk.html',
      'events/sq.html',
      2,
      1,
    ]);
  });

  it('pages about EVENTS_PER_PAGE entries, never cutting a month, named by their newest month', () => {
    const releases = Array.from({ length: 450 }, (_, i) =>
      release(`e${i}`, `2020-${String((i % 9) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`),
    );
    const [all] = planEvents(releases, ['mk']);
    expect(all.pages.map((p) => p.path)).toEqual([
      'events/index.html',
      'events/2020-07.html',
      'events/2020-05.html',
      'events/2020-03.html',
      'events/2020-01.html',
    ]);
    for (const p of all.pages) expect(p.months.reduce((n, m) => n + m.releases.length, 0)).toBeLessThanOrEqual(EVENTS_PER_PAGE);
    expect(all.pages.flatMap((p) => p.months).reduce((n, m) => n + m.releases.length, 0)).toBe(450);
    const cased = planEvents(
      [release('x', '2020-01-01', '2020-01-01', { lang: 'sr-Latn' }), release('y', '2020-01-01', '2020-01-01', { lang: 'sr-latn' })],
      ['sr-Latn', 'sr-latn'],
    );
    expect(cased.map((s) => [s.pages[0].path, s.ics])).toEqual([
      ['events/index.html', 'events/calendar.ics'],
      ['events/sr-latn.html', 'events/calendar-sr-latn.ics'],
      ['events/sr-latn-2.html', 'events/calendar-sr-latn-2.ics'],
    ]);
    // An empty archive still has its (empty) first page.
    expect(planEvents([], [])[0].pages).toEqual([{ path: 'events/index.html', months: [] }]);
  });
});

describe('eventsPage', () => {
  it('draws an event as one bar per week it touches, and counts those past four lanes', () => {
    // Monday 5 to Wednesday 14 October 2020: the whole week of the 5th, then 12–14.
    const long = release('long', '2020-10-05', '2020-10-14');
    const crowd = Array.from({ length: 6 }, (_, i) => release(`c${i}`, '2020-10-06'));
    const plan = planSite({ settings, registry }, [long, ...crowd]);
    const html = eventsPage(plan, plan.events[0], 0, null, '2020-10-13');
    const bars = [...html.matchAll(/<a class="([^"]+)" href="\.\.\/r\/long\.html" tabindex="-1"/g)].map((m) => m[1]);
    expect(bars).toEqual(['bar c1 w7 r2 ongoing to', 'bar c1 w3 r2 ongoing from']);
    expect(html.match(/class="bar [^"]*"/g)).toHaveLength(2 + 3);
    expect(html).toContain('<span class="more c2 r6">+3</span>');
    expect(html).toContain('<span class="d c2 r1 today">13</span>');
    // The list has every event, with its dates, for screen readers and keyboards.
    expect(html.match(/<li class="(past|ongoing)"><a href="..\/r\//g)).toHaveLength(7 + 1);
    expect(html).toContain('<time datetime="2020-10-05">5–14 октомври 2020</time> · Скопје · <span class="status ongoing">Во тек</span>');
  });

  it('is part of the site: every page and .ics yielded', () => {
    const plan = planSite({ settings, registry }, [release('a', '2020-10-05'), release('b', '2021-01-01', '2021-01-01', { lang: 'en' })]);
    const files = [...siteFiles(plan, 'https://example.org/s/', undefined, { today: '2020-12-01' })];
    expect(
      files
        .map((f) => f.path)
        .filter((p) => p.startsWith('events/'))
        .sort(),
    ).toEqual([
      'events/calendar-en.ics',
      'events/calendar-mk.ics',
      'events/calendar.ics',
      'events/en.html',
      'events/index.html',
      'events/mk.html',
    ]);
    const en = files.find((f) => f.path === 'events/en.html')!.content as string;
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<link rel="alternate" type="text/calendar" title="Архива (English)" href="calendar-en.ics">');
    expect(en).toContain('<code>https://example.org/s/events/calendar-en.ics</code>');
    expect(en).toContain('<link rel="canonical" href="https://example.org/s/events/en.html">');
  });

  it('links newer and older pages with rel prev/next, one pager a named landmark', () => {
    const releases = Array.from({ length: 250 }, (_, i) => release(`e${i}`, `2020-${String((i % 5) + 1).padStart(2, '0')}-10`));
    const plan = planSite({ settings, registry }, releases);
    const [all] = plan.events;
    expect(all.pages.length).toBe(3);
    const middle = eventsPage(plan, all, 1, null, null);
    expect(middle).toContain(
      `<a href="index.html" rel="prev">← Понови</a><a href="${all.pages[2].path.slice(7)}" rel="next">Постари →</a>`,
    );
    expect(middle.match(/<nav class="pager" aria-label="Настани">/g)).toHaveLength(1);
    expect(middle).toMatch(/<title>Настани \(\S+ 2020 – \S+ 2020\) — Архива<\/title>/);
    expect(eventsPage(plan, all, 0, null, null)).not.toContain('rel="prev"');
  });

  it('writes a language the site has no words for as an English page whose releases keep their lang', () => {
    const plan = planSite({ settings, registry }, [release('de', '2020-10-05', '2020-10-05', { lang: 'de' })]);
    const de = eventsPage(plan, plan.events.find((s) => s.lang === 'de')!, 0, null, null);
    expect(de).toContain('<html lang="en">');
    expect(de).toContain('<h1>Events: Deutsch</h1>');
    expect(de).toContain('<li lang="de"><a href="../r/de.html">');
    // No day of the export: no upcoming list, no status.
    expect(de).not.toMatch(/upcoming-h|class="status/);
  });
});
