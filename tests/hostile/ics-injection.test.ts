import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { fixtureProject, runCli } from '../helpers/cli.js';

// tests/fixtures/ics-hostile: a title, place, summary, partner, id and archive name holding
// newlines, `;`, `,`, `\`, `\r\nBEGIN:VEVENT…`, a line separator and a control character.
// Read back with a real parser (ical.js), each must come out as the one value it was.

const ALLOWED = {
  vcalendar: ['version', 'prodid', 'calscale', 'method', 'x-wr-calname', 'name', 'refresh-interval', 'x-published-ttl'],
  vevent: ['uid', 'dtstamp', 'dtstart', 'dtend', 'summary', 'location', 'description', 'url', 'transp'],
};

async function exportIcs(...flags: string[]): Promise<string> {
  const cwd = fixtureProject('ics-hostile');
  const r = await runCli(['export', '--format', 'ics', ...flags], { cwd });
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

describe('ics export of hostile text (tests/fixtures/ics-hostile)', () => {
  it('adds no property, event or component, whatever a field holds', async () => {
    const text = await exportIcs();
    const cal = new ICAL.Component(ICAL.parse(text));
    expect(cal.name).toBe('vcalendar');
    expect(cal.getAllProperties().map((p) => p.name)).toEqual(ALLOWED.vcalendar);
    const events = cal.getAllSubcomponents();
    expect(events.map((e) => e.name)).toEqual(['vevent', 'vevent', 'vevent']);
    for (const e of events) {
      expect(e.getAllSubcomponents()).toEqual([]);
      const names = e.getAllProperties().map((p) => p.name);
      expect(
        names.every((n) => ALLOWED.vevent.includes(n)),
        names.join(),
      ).toBe(true);
      expect(new Set(names).size).toBe(names.length);
    }
    // Every line starts a property or continues one (a space): none was smuggled in.
    const lines = text.split('\r\n');
    expect(lines.pop()).toBe('');
    for (const line of lines) expect(line).toMatch(/^( |BEGIN:V|END:V|[A-Z-]+[;:])/);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(3);
    expect(text).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
  });

  it('gives back each value exactly as written, line breaks as line breaks, controls dropped', async () => {
    const cal = new ICAL.Component(ICAL.parse(await exportIcs()));
    // ical.js knows neither X-WR-CALNAME nor NAME (RFC 7986): their TEXT is decoded here.
    const text = (name: string) =>
      (ICAL.design.icalendar.value.text as { fromICAL(v: string): string }).fromICAL(String(cal.getFirstPropertyValue(name)));
    expect(text('name')).toBe(text('x-wr-calname'));
    expect(text('x-wr-calname')).toBe('Архива; X-INJECTED:1, \\ name\nBEGIN:VEVENT');
    const e = cal.getAllSubcomponents('vevent').find((v) => String(v.getFirstPropertyValue('uid')).startsWith('ev'))!;
    expect(e.getFirstPropertyValue('uid')).toBe('ev;il,id@example.org');
    expect(e.getFirstPropertyValue('summary')).toBe(
      'Title with a newline\nDESCRIPTION:injected; semicolon, comma \\ backslash\nBEGIN:VEVENT\nUID:evil@example.org\nDTSTART:19700101\nEND:VEVENT',
    );
    expect(e.getFirstPropertyValue('location')).toBe('Place; LOCATION:Elsewhere, \nGEO:1;2\nEND:VCALENDAR');
    expect(e.getFirstPropertyValue('description')).toBe(
      'Summary\nBEGIN:VEVENT\nSUMMARY:evil\nEND:VEVENT\nURL:https://evil.example/\nline separator, and a control  bell\n\nPartners: Partner; A, Inc.\nBEGIN:VALARM',
    );
    expect(e.getFirstPropertyValue('url')).toBe('https://example.org/releases/r/ev-il-id.html');
    expect(e.getFirstProperty('summary')!.getParameter('language')).toBe('en');
    // 2024 is a leap year: the 29th is a day, the exclusive end is 1 March.
    expect(String(e.getFirstPropertyValue('dtstart'))).toBe('2024-02-28');
    expect(String(e.getFirstPropertyValue('dtend'))).toBe('2024-03-01');
  });

  it('keeps a base URL with a line break in it one URL value', async () => {
    const cal = new ICAL.Component(ICAL.parse(await exportIcs('--base-url', 'https://example.org/a\r\nBEGIN:VEVENT\r\nX:1 ;,/')));
    const events = cal.getAllSubcomponents('vevent');
    expect(events).toHaveLength(3);
    for (const e of events)
      expect(e.getFirstPropertyValue('url')).toMatch(/^https:\/\/example\.org\/a%0D%0ABEGIN:VEVENT%0D%0AX:1%20;,\/r\/[a-z0-9-]+\.html$/);
  });
});
