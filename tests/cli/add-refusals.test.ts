import { describe, expect, it } from 'vitest';
import { releasesIn } from '../helpers/add.js';
import { fixtureProject, runCli, tempDir } from '../helpers/cli.js';

describe('releases add, refusing', () => {
  it('names every missing field and exits 2 without a terminal, writing nothing', async () => {
    const cwd = fixtureProject('multilingual');
    const r = await runCli(['add', '--partner', 'OSCE'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing title \(--title\) and text \(--body or --body-file\)/);
    expect(releasesIn(cwd, '2026')).toEqual([]);
    const r2 = await runCli(['add', '--title', 'T', '--no-input'], { cwd, env: {} });
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/missing text/);
    expect(r2.stderr).not.toMatch(/title \(/);
  });

  it('exits 2 on a date that cannot be read, naming the flag', async () => {
    const cwd = fixtureProject('multilingual');
    const r = await runCli(['add', '--title', 'T', '--body', 'x', '--date', '30.2.2021'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--date "30.2.2021" is not a day of the calendar/);
  });

  it('refuses a release that fails validation with exit 1, printing the issue as check does, writing nothing', async () => {
    const cwd = fixtureProject('multilingual');
    const r = await runCli(['add', '--title', 'T', '--body-file', '-'], { cwd, stdin: 'binary\u0000junk\n' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/archive\/2026\/2026-11-29-t\.md:\d+:1 {2}error {2}the file contains a NUL byte/);
    expect(r.stderr).toMatch(/the new release has 1 error\(s\): nothing was written/);
    expect(releasesIn(cwd, '2026')).toEqual([]);
  });

  it('exits 2 on an event that ends before it starts', async () => {
    const cwd = fixtureProject('multilingual');
    const r = await runCli(['add', '--title', 'T', '--body', 'x', '--event', '2018-10-18..2018-10-15'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--event ends \(2018-10-15\) before it starts/);
    expect(releasesIn(cwd, '2026')).toEqual([]);
  });

  it('fails with a message naming the archive when there is none', async () => {
    const cwd = tempDir();
    const r = await runCli(['add', '--title', 'T', '--body', 'x'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no archive folder at .*archive/);
    expect(r.stderr).toMatch(/releases init/);
  });
});
