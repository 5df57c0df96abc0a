import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureProject, runCli } from '../helpers/cli.js';

describe('releases check', () => {
  it('passes the multilingual archive with a warning, exit 0', async () => {
    const cwd = fixtureProject('multilingual');
    const r = await runCli(['check'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('archive/2020/2020-01-10-sredba-vo-skopje.md');
    expect(r.stdout).toContain('warning  partner "Непозната организација" is not in partners.yml');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('5 files checked: 0 errors (in 0 files), 1 warning');
  });

  it('reports every issue of every file sorted by path, and exits 1', async () => {
    const cwd = fixtureProject('bad-inputs');
    const r = await runCli(['check'], { cwd });
    expect(r.code).toBe(1);
    const located = r.stdout
      .split('\n')
      .filter((l) => l.startsWith('archive/'))
      .map((l) => l.split(/[: ]/)[0]);
    expect(located).toEqual([...located].sort());
    for (const needle of [
      'archive/blank-before.md:3:1  error',
      'archive/unclosed.md:1:1  error',
      'archive/javascript.md:1:1  error  front matter written as js is not read: it would run code',
      'archive/toml.md:3:8  error  date "2021-02-30" is not a day of the calendar',
      'archive/duplicate-key.md:4:1  error  the key "title" appears twice',
      'archive/latin1.md:2:1  error  the file is not UTF-8 text',
      'archive/impossible-date.md:3:1  error  date "2021-02-30" is not a day of the calendar',
      'archive/event-backwards.md:6:8  error  the event ends (2020-01-03) before it starts (2020-01-05)',
      'archive/a/same-id.md  error  the id "same-id" is also used by b/same-id.md',
      'archive/b/same-id.md  error  the id "same-id" is also used by a/same-id.md',
      'archive/lookalike.md:2:30  warning  "конференциja" in title mixes the Latin letter "j"',
      'archive/2020-05-05-date-from-name.md:2:1  warning  no date: field',
      'archive/empty-body.md:4:1  warning',
    ])
      expect(r.stdout).toContain(needle);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('26 files checked: 22 errors (in 20 files), 5 warnings');
  });

  it('shows the offending line with a caret under the column, and no frame for a file that is not UTF-8', async () => {
    const cwd = fixtureProject('bad-inputs');
    const r = await runCli(['check'], { cwd });
    expect(r.stdout).toContain(
      [
        'archive/event-backwards.md:6:8  error  the event ends (2020-01-03) before it starts (2020-01-05)',
        '      4 | event:',
        '      5 |   start: 2020-01-05',
        '    > 6 |   end: 2020-01-03',
        '        |        ^',
        '      7 | ---',
        '      8 | body',
        '    hint: swap the two dates, or correct the one that is wrong',
      ].join('\n'),
    );
    expect(r.stdout).toMatch(/archive\/latin1\.md:2:1 {2}error {2}the file is not UTF-8 text\n {4}hint:/);
    // The caret under the Latin letter inside a Cyrillic word.
    expect(r.stdout).toContain('archive/lookalike.md:7:10  warning  "Регионалнa" in body mixes the Latin letter "a"');
    expect(r.stdout).toContain('    > 7 | Регионалнa соработка.\n        |          ^\n');
    const json = await runCli(['check', '--format', 'json'], { cwd });
    expect(json.stdout).not.toContain('    > ');
  });

  it('gives JSON and GitHub annotations', async () => {
    const cwd = fixtureProject('bad-inputs');
    const json = await runCli(['check', '--format', 'json'], { cwd });
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout);
    expect(parsed).toMatchObject({ files: 26, errors: 22, warnings: 5 });
    expect(parsed.issues[0]).toHaveProperty('hint');
    const gh = await runCli(['check', '--format', 'github'], { cwd });
    expect(gh.code).toBe(1);
    expect(gh.stdout).toContain(
      '::error file=archive/toml.md,line=3,col=8,title=releases%3A impossible-date::date "2021-02-30" is not a day of the calendar',
    );
    expect(gh.stdout).toContain('::warning file=archive/empty-body.md,line=4');
  });

  it('reports a broken partners.yml with its line', async () => {
    const cwd = fixtureProject('multilingual');
    writeFileSync(path.join(cwd, 'archive/partners.yml'), 'osce:\n  name: OSCE\n  aliases: [a, b\nmvr: {}\n');
    const r = await runCli(['check'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/archive\/partners\.yml:\d+:\d+ {2}error {2}not valid YAML/);
  });

  it('refuses to check a file instead of a folder, saying what to pass', async () => {
    const cwd = fixtureProject('multilingual');
    const r = await runCli(['check', '--archive', 'archive/archive.yml'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is not a folder');
  });
});
