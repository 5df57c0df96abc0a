import { describe, expect, it } from 'vitest';
import { fixtureProject, runCli } from '../helpers/cli.js';

const MK = '2018-10-18-uchestvo-na-nacionalniot-koordinator-za-sprechuvanje-na';

describe('releases show', () => {
  it('shows a release by id, as text', async () => {
    const cwd = fixtureProject('multilingual');
    const r = await runCli(['show', MK], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Учество на Националниот координатор/);
    expect(r.stdout).toContain('event        2018-10-15–18, Охрид');
    expect(r.stdout).toContain('translations en: 2018-10-18-national-coordinator-at-third-international-conference');
    expect(r.stdout).toContain('Борче Петревски, активно учествуваше');
  });

  it('shows a release by path, as JSON with its body', async () => {
    const cwd = fixtureProject('multilingual');
    const r = await runCli(['show', `archive/2018/${MK}.md`, '--format', 'json'], { cwd });
    expect(r.code).toBe(0);
    const entry = JSON.parse(r.stdout);
    expect(entry).toMatchObject({ id: MK, lang: 'mk', event: { location: 'Охрид' } });
    expect(entry.body).toContain('Третата ме Третата');
  });

  it('suggests the closest id when none matches', async () => {
    const cwd = fixtureProject('multilingual');
    const r = await runCli(['show', '2021-06-01-godishen-izvestaj'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no release with the id or file "2021-06-01-godishen-izvestaj"');
    expect(r.stderr).toContain('did you mean 2021-06-01-godishen-izveshtaj?');
  });

  it('names the problem of a file that cannot be read', async () => {
    const cwd = fixtureProject('bad-inputs');
    const r = await runCli(['show', 'archive/toml.md'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('archive/toml.md:3:8: date "2021-02-30" is not a day of the calendar');
  });
});

describe('releases partners', () => {
  it('lists registry partners and unregistered names with counts', async () => {
    const cwd = fixtureProject('multilingual');
    const r = await runCli(['partners', '--format', 'json'], { cwd });
    expect(r.code).toBe(0);
    const ps = JSON.parse(r.stdout);
    expect(ps.map((p: { id: string | null; releases: number }) => [p.id, p.releases])).toEqual([
      ['mvr', 3],
      ['osce-skopje', 3],
      [null, 1],
    ]);
    expect(ps[2].name).toBe('Непозната организација');
  });

  it('prints a table', async () => {
    const cwd = fixtureProject('multilingual');
    const r = await runCli(['partners'], { cwd });
    expect(r.stdout).toMatch(/^ID\s+NAME\s+RELEASES\s+ALIASES\n/);
    expect(r.stdout).toMatch(/osce-skopje\s+OSCE Mission to Skopje\s+3/);
    expect(r.stdout).toContain('(not in registry)');
  });
});
