import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { fixtureProject, runCli } from '../helpers/cli.js';

/** The events of an iCalendar text, read by ical.js. */
function events(text: string): ICAL.Event[] {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
}

describe('export --format ics', () => {
  it('writes one all-day event per release with an event: dates, exclusive ends, Cyrillic intact', async () => {
    const cwd = fixtureProject('export-site');
    const r = await runCli(['export', '--format', 'ics'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const list = events(r.stdout);
    // 7 releases, 5 of them with an event.
    expect(list).toHaveLength(5);
    const ohrid = list.find((e) => e.uid === '2018-10-18-uchestvo-na-nacionalniot-koordinator-za-sprechuvanje-na@releases')!;
    expect([ohrid.startDate.toString(), ohrid.endDate.toString(), ohrid.startDate.isDate]).toEqual(['2018-10-15', '2018-10-19', true]);
    expect(ohrid.summary).toMatch(/^Учество на Националниот координатор за спречување на насилен екстремизам .* тероризам$/);
    expect(ohrid.location).toBe('Охрид');
    expect(ohrid.description).toMatch(
      /^Националниот координатор Борче Петревски учествуваше .*борци\.\n\nПартнери: Министерство за внатрешни работи, ОБСЕ Мисијата во Скопје$/,
    );
    const tetovo = list.find((e) => e.uid === '2019-03-05-bashkepunim-rajonal@releases')!;
    expect([tetovo.startDate.toString(), tetovo.endDate.toString(), tetovo.location]).toEqual(['2019-03-04', '2019-03-06', 'Tetovë']);
    expect(list.map((e) => e.uid)).not.toContain('2020-01-10-sredba-vo-skopje@releases');
  });

  it('is byte-identical across exports, so UIDs stay the same; --base-url gives URLs and the UID host', async () => {
    const cwd = fixtureProject('export-site');
    const a = await runCli(['export', '--format', 'ics'], { cwd });
    const b = await runCli(['export', '--format', 'ics'], {
      cwd,
      now: new Date('2031-01-01T00:00:00Z'),
      env: { TZ: 'Pacific/Kiritimati' },
    });
    expect(b.stdout).toBe(a.stdout);
    expect(events(b.stdout).map((e) => e.uid)).toEqual(events(a.stdout).map((e) => e.uid));
    const web = await runCli(['export', '--format', 'ics', '--base-url', 'https://example.org/releases/'], { cwd });
    const xss = events(web.stdout).find((e) => e.uid === '2022-05-02-xss@example.org')!;
    expect(xss.component.getFirstPropertyValue('url')).toBe('https://example.org/releases/r/2022-05-02-xss.html');
    expect(xss.summary).toBe('<script>alert("title")</script> Hostile "><svg onload=alert(1)> title');
  });

  it('applies the shared filters', async () => {
    const cwd = fixtureProject('export-site');
    const mk = await runCli(['export', '--format', 'ics', '--lang', 'mk', '--from', '2019'], { cwd });
    expect(events(mk.stdout).map((e) => e.uid)).toEqual(['2019-03-06-regionalna-sorabotka@releases']);
    const osce = await runCli(['export', '--format', 'ics', '--partner', 'ОБСЕ', '--to', '2018'], { cwd });
    expect(
      events(osce.stdout)
        .map((e) => e.uid)
        .sort(),
    ).toEqual([
      '2018-10-18-national-coordinator-at-third-international-conference@releases',
      '2018-10-18-uchestvo-na-nacionalniot-koordinator-za-sprechuvanje-na@releases',
    ]);
    const none = await runCli(['export', '--format', 'ics', '--from', '1990', '--to', '1991'], { cwd });
    expect(none.code).toBe(0);
    expect(events(none.stdout)).toEqual([]);
    expect(none.stdout).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR\r\n$/);
  });

  it('writes --out FILE, replaces an earlier ics export, and refuses any other file', async () => {
    const cwd = fixtureProject('export-site');
    const first = await runCli(['export', '--format', 'ics', '--out', 'out/events.ics'], { cwd });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toBe('exported 5 event(s) to out/events.ics\n');
    const file = path.join(cwd, 'out/events.ics');
    expect(events(readFileSync(file, 'utf8'))).toHaveLength(5);
    const again = await runCli(['export', '--format', 'ics', '--lang', 'sq', '--out', 'out/events.ics'], { cwd });
    expect(again.code, again.stderr).toBe(0);
    expect(events(readFileSync(file, 'utf8'))).toHaveLength(1);
    writeFileSync(path.join(cwd, 'mine.ics'), 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//someone else//EN\r\nEND:VCALENDAR\r\n');
    const refused = await runCli(['export', '--format', 'ics', '--out', 'mine.ics'], { cwd });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('mine.ics already exists and is not an earlier export');
    expect(readFileSync(path.join(cwd, 'mine.ics'), 'utf8')).toContain('someone else');
  });

  it('refuses bad flags and targets with a message, writing nothing', async () => {
    const cwd = fixtureProject('export-site');
    mkdirSync(path.join(cwd, 'folder'));
    const cases: [string[], number, RegExp][] = [
      [['--out', 'folder'], 1, /folder already exists and is not an earlier export/],
      [['--out', 'archive/events.md'], 1, /inside the archive folder.*nothing was written/],
      [['--from', '31.2.2019'], 2, /is not a day of the calendar/],
      [['--from', '2020', '--to', '2019'], 2, /is before --from/],
      [['--base-url', 'example.org'], 2, /not an absolute http\(s\) URL/],
    ];
    for (const [flags, code, message] of cases) {
      const r = await runCli(['export', '--format', 'ics', ...flags], { cwd });
      expect(r.code, flags.join(' ')).toBe(code);
      expect(r.stderr, flags.join(' ')).toMatch(message);
      expect(r.stdout).toBe('');
    }
    const help = await runCli(['export', '--help'], { cwd });
    expect(help.stdout).toContain('--format ics');
    expect(help.stdout).toMatch(/choices: "json", "ndjson", "html", "ics"/);
  });
});
