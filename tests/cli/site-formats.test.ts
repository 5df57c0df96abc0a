import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureProject, runCli } from '../helpers/cli.js';

describe('an archive written for Hugo and Zola (TOML, JSON and YAML front matter)', () => {
  it('lists every release with its date as written', async () => {
    const cwd = fixtureProject('site-formats');
    const r = await runCli(['list', '--format', 'json'], { cwd });
    expect(r.code).toBe(0);
    const entries = JSON.parse(r.stdout) as { id: string; date: string; tags: string[]; partners: string[] }[];
    expect(entries.map((e) => [e.id, e.date])).toEqual([
      ['2021-07-26-prerelease', '2021-07-26'],
      ['2020-03-02-yaml', '2020-03-02'],
      ['2020-03-01-hugo-json', '2020-03-01'],
      ['zola-post', '2019-03-05'],
      ['2018-10-16-hugo-toml', '2018-10-16'],
    ]);
    expect(entries.find((e) => e.id === 'zola-post')).toMatchObject({ tags: ['training'], partners: ['OSCE Mission to Skopje'] });
  });

  it('filters TOML releases by tag and partner like any other', async () => {
    const cwd = fixtureProject('site-formats');
    const r = await runCli(['list', '--partner', 'osce', '--format', 'json'], { cwd });
    expect(JSON.parse(r.stdout).map((e: { id: string }) => e.id)).toEqual(['2020-03-02-yaml', 'zola-post', '2018-10-16-hugo-toml']);
  });

  it('passes check, with the dates taken from names and paths named', async () => {
    const cwd = fixtureProject('site-formats');
    const r = await runCli(['check'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('archive/2019/zola-post.md:2:1  warning  no date: field, so the date 2019-03-05 is taken from path');
    expect(r.stdout).toContain(
      'archive/inside/2021-07-26-prerelease.md:3:1  warning  no date: field, so the date 2021-07-26 is taken from the file name',
    );
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('5 files checked: 0 errors (in 0 files), 2 warnings');
  });

  it('reports a broken TOML file and a number among partners at their file line and column', async () => {
    const cwd = fixtureProject('site-formats');
    writeFileSync(path.join(cwd, 'archive/2020/broken.md'), '+++\ntitle = "Broken"\ndate = 2020-01-01\ntags: [a]\n+++\nx\n');
    writeFileSync(
      path.join(cwd, 'archive/2020/2020-01-02-number.md'),
      '---\ntitle: Number\ndate: 2020-01-02\npartners: [OSCE, 42]\n---\nx\n',
    );
    const r = await runCli(['check'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/archive\/2020\/broken\.md:4:5 {2}error {2}the front matter is not valid TOML/);
    expect(r.stdout).toContain(
      'archive/2020/2020-01-02-number.md:4:18  warning  partners should hold names, but an item is the number 42: read as the name "42"',
    );
    expect(r.stdout).toContain('quote it if 42 is the name');
  });
});
