import { describe, expect, it } from 'vitest';
import { fixtureProject, runCli } from '../helpers/cli.js';

describe('releases list', () => {
  it('lists newest first as a table, count on stderr', async () => {
    const cwd = fixtureProject('multilingual');
    const r = await runCli(['list'], { cwd });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^PERIOD\s+LANG\s+TITLE\s+PARTNERS$/);
    expect(lines[1]).toContain('2021-06-01');
    expect(lines.at(-1)).toContain('2018-10-15–18');
    expect(r.stderr).toBe('5 of 5 release(s)\n');
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('fits the terminal and uses colour there, but never with NO_COLOR', async () => {
    const cwd = fixtureProject('multilingual');
    const tty = await runCli(['list'], { cwd, tty: true, columns: 60 });
    for (const line of tty.stdout
      .replace(/\u001b\[[0-9;]*m/g, '')
      .trimEnd()
      .split('\n'))
      expect([...line].length).toBeLessThanOrEqual(60);
    expect(tty.stdout).toMatch(/\u001b\[/);
    const plain = await runCli(['list'], { cwd, tty: true, columns: 60, env: { NO_COLOR: '1' } });
    expect(plain.stdout).not.toMatch(/\u001b\[/);
    const forced = await runCli(['list'], { cwd, env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toMatch(/\u001b\[/);
  });

  it.each([
    [['--from', '2018-10-16', '--to', '2018-10-16'], 2],
    [['--from', '16.10.2018', '--to', '16.10.2018'], 2],
    [['--from', '2018', '--to', '2018'], 2],
    [['--to', '2018-10'], 2],
    [['--from', '2019'], 3],
    [['--partner', 'osce'], 3],
    [['--partner', 'ОБСЕ'], 3],
    [['--partner', 'OSBE'], 3],
    [['--partner', 'mvr'], 3],
    [['--partner', 'mvr', '--partner', 'osce'], 2],
    [['--person', 'petrevski'], 3],
    // Борче, Borche and the Albanian release's Borçe are one person.
    [['--person', 'Борче'], 3],
    [['--person', 'Borçe'], 3],
    [['--person', 'borche petrevski'], 3],
    [['--tag', 'sorabotka'], 1],
    [['--location', 'ohrid'], 2],
    [['--lang', 'en'], 1],
    [['--partner', 'nobody'], 0],
  ])('list %j finds %i', async (args, count) => {
    const cwd = fixtureProject('multilingual');
    const r = await runCli(['list', ...args, '--format', 'json'], { cwd });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(count);
  });

  it('prints the SPEC entry as JSON and NDJSON, stdout holding only JSON', async () => {
    const cwd = fixtureProject('multilingual');
    const json = await runCli(['list', '--lang', 'mk', '--from', '2018-10-18', '--to', '2018-10-18', '--format', 'json'], { cwd });
    expect(JSON.parse(json.stdout)).toEqual([
      {
        id: '2018-10-18-uchestvo-na-nacionalniot-koordinator-za-sprechuvanje-na',
        path: '2018/2018-10-18-uchestvo-na-nacionalniot-koordinator-za-sprechuvanje-na.md',
        title: expect.stringMatching(/^Учество на Националниот координатор/),
        date: '2018-10-18',
        event: { start: '2018-10-15', end: '2018-10-18', location: 'Охрид' },
        partners: ['Министерство за внатрешни работи', 'ОБСЕ Мисијата во Скопје'],
        people: ['Борче Петревски'],
        tags: expect.arrayContaining(['регионална соработка']),
        lang: 'mk',
        summary: expect.any(String),
        translation_key: 'ohrid-conference-2018',
        translations: [{ lang: 'en', id: '2018-10-18-national-coordinator-at-third-international-conference' }],
      },
    ]);
    const nd = await runCli(['list', '--format', 'ndjson'], { cwd });
    const lines = nd.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines.map((l) => JSON.parse(l).id)[0]).toBe('2021-06-01-godishen-izveshtaj');
    expect(JSON.parse(lines[0])).toMatchObject({ custom_field: { nested: [1, 2] }, source: 'https://example.org/report' });
  });

  it('sorts by title, reverses and limits', async () => {
    const cwd = fixtureProject('multilingual');
    const r = await runCli(['list', '--sort', 'title', '--limit', '2', '--format', 'json'], { cwd });
    expect(JSON.parse(r.stdout).map((e: { lang: string }) => e.lang)).toEqual(['sq', 'en']);
    const rev = await runCli(['list', '--reverse', '--limit', '1', '--format', 'json'], { cwd });
    expect(JSON.parse(rev.stdout)[0].date).toBe('2018-10-18');
  });

  it('skips unreadable files with one stderr line each and a pointer to check', async () => {
    const cwd = fixtureProject('bad-inputs');
    const r = await runCli(['list', '--format', 'json'], { cwd });
    expect(r.code).toBe(0);
    const skipped = r.stderr.split('\n').filter((l) => l.startsWith('skipped '));
    expect(skipped).toHaveLength(19);
    expect(skipped).toContain(
      'skipped archive/blank-before.md:3:1  2 blank line(s) before the opening ---: the front matter would be read as body text',
    );
    expect(r.stderr).toContain('19 file(s) skipped: run releases check for details');
    expect(
      JSON.parse(r.stdout)
        .map((e: { id: string }) => e.id)
        .sort(),
    ).toEqual(['2020-05-05-date-from-name', '2020-05-06-name-disagrees', 'crlf-bom', 'empty-body', 'lookalike', 'proto', 'same-id']);
  });

  it.each([
    [['list', '--from', '2021-02-30'], /--from "2021-02-30" is not a day of the calendar/],
    [['list', '--from', 'yesterday'], /cannot be read as a date/],
    [['list', '--from', '2019', '--to', '2018'], /before --from/],
    [['list', '--limit', 'ten'], /--limit "ten" is not a whole number/],
    [['list', '--bogus'], /unknown option '--bogus'/],
    [['list', '--format', 'xml'], /argument 'xml' is invalid/],
    [['lsit'], /unknown command 'lsit'[\s\S]*list/],
  ])('%j is bad usage: exit 2, a message, no stack', async (argv, message) => {
    const cwd = fixtureProject('multilingual');
    const r = await runCli(argv, { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });

  it('finds the archive through --archive, RELEASES_ARCHIVE, or from inside it', async () => {
    const cwd = fixtureProject('multilingual');
    const elsewhere = fixtureProject('bad-inputs');
    expect((await runCli(['list', '--archive', `${cwd}/archive`, '--format', 'json'], { cwd: elsewhere })).stdout).toContain('godishen');
    expect((await runCli(['list', '--format', 'json'], { cwd: elsewhere, env: { RELEASES_ARCHIVE: `${cwd}/archive` } })).stdout).toContain(
      'godishen',
    );
    expect((await runCli(['list', '--format', 'json'], { cwd: `${cwd}/archive` })).stdout).toContain('godishen');
  });

  it('says where to look when there is no archive', async () => {
    const r = await runCli(['list'], { cwd: '/tmp' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no archive folder at /tmp/archive');
    expect(r.stderr).toContain('--archive');
  });
});
