import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { ArchivedRelease } from '../../src/core/types.js';
import { calendarReleases, icsCalendar, uidHost, type CalendarSite } from '../../src/render/ics.js';
import { foldLine, icsText, icsUri } from '../../src/render/ics-text.js';
import { archived } from '../helpers/release.js';

const r = (id: string, start: string, end: string, over: Partial<ArchivedRelease> = {}): ArchivedRelease =>
  archived(
    {
      id,
      path: `${id}.md`,
      title: `Title ${id}`,
      date: start,
      event: { start, end, location: null },
      body: '',
      bodyLine: 3,
      period: { start, end },
    },
    over,
  );
const site = (baseUrl: string | null = null): CalendarSite => ({ name: 'Архива', baseUrl, pageOf: (x) => `r/${x.id}.html` });
const text = (s: CalendarSite, rs: ArchivedRelease[]) => [...icsCalendar(s, rs)].join('');

describe('iCalendar text rules', () => {
  it('escapes TEXT as RFC 5545 says, and writes every line break as \\n', () => {
    expect(icsText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
    expect(icsText('bell\u0007 tab\t')).toBe('bell tab\t');
    expect(icsUri('https://x.org/a b/ѓ"\r\n')).toBe('https://x.org/a%20b/%D1%93%22%0D%0A');
  });

  it('folds at 75 octets, never inside a UTF-8 sequence or an escape', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (const value of ['ѓ'.repeat(200), `a${'🎉'.repeat(80)}`, `${'x'.repeat(73)}\\,${'y'.repeat(100)}`, 'ab'.repeat(300)]) {
      const folded = foldLine(`SUMMARY:${value}`);
      expect(folded.endsWith('\r\n')).toBe(true);
      const bytes = Buffer.from(folded, 'utf8');
      const lines: Buffer[] = [];
      for (let from = 0; from < bytes.length; ) {
        const at = bytes.indexOf('\r\n', from);
        lines.push(bytes.subarray(from, at));
        from = at + 2;
      }
      for (const [i, line] of lines.entries()) {
        expect(line.length).toBeLessThanOrEqual(75);
        if (i) expect(line[0]).toBe(0x20);
        expect(() => decoder.decode(line)).not.toThrow();
        expect(decoder.decode(line)).not.toMatch(/\\$/);
      }
      expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${value}\r\n`);
    }
    expect(foldLine('SHORT:x')).toBe('SHORT:x\r\n');
  });
});

describe('icsCalendar', () => {
  it('writes one all-day event per release with an event, the end exclusive, in calendar order', () => {
    const rs = [
      r('b', '2020-12-31', '2021-01-01'),
      r('none', '2020-05-05', '2020-05-05', { event: null }),
      r('a', '2020-02-29', '2020-02-29'),
    ];
    expect(calendarReleases(rs).map((x) => x.id)).toEqual(['a', 'b']);
    const cal = new ICAL.Component(ICAL.parse(text(site(), rs)));
    const events = cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.map((e) => [e.uid, e.startDate.toString(), e.endDate.toString(), e.startDate.isDate])).toEqual([
      ['a@releases', '2020-02-29', '2020-03-01', true],
      ['b@releases', '2020-12-31', '2021-01-02', true],
    ]);
    // No base URL: no URL; DTSTAMP is the release date, not the time of the export.
    expect(text(site(), rs)).not.toContain('URL');
    expect(cal.getFirstSubcomponent('vevent')!.getFirstPropertyValue('dtstamp')!.toString()).toBe('2020-02-29T00:00:00Z');
  });

  it('gives UIDs from the id and the base URL host, unique within a file', () => {
    expect(uidHost('https://Example.org:8080/releases/')).toBe('example.org:8080');
    expect(uidHost(null)).toBe('releases');
    const rs = [
      r('same', '2020-01-01', '2020-01-01'),
      r('same', '2020-01-02', '2020-01-02', { path: 'other.md' }),
      r('ид', '2020-01-03', '2020-01-03'),
    ];
    const cal = new ICAL.Component(ICAL.parse(text(site('https://example.org/r/'), rs)));
    const uids = cal.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('uid'));
    expect(uids).toEqual(['same@example.org', 'same-2@example.org', '%D0%B8%D0%B4@example.org']);
    expect(cal.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('url'))).toEqual([
      'https://example.org/r/r/same.html',
      'https://example.org/r/r/same.html',
      'https://example.org/r/r/%D0%B8%D0%B4.html',
    ]);
  });

  it('is a valid empty calendar when no release has an event', () => {
    const out = text(site(), [r('x', '2020-01-01', '2020-01-01', { event: null })]);
    const cal = new ICAL.Component(ICAL.parse(out));
    expect(cal.getAllSubcomponents()).toEqual([]);
    expect(cal.getFirstPropertyValue('prodid')).toBe('-//releases//NONSGML releases//EN');
    expect(out.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });
});
