import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureProject } from '../helpers/cli.js';

const BIN = path.resolve(__dirname, '../../bin/releases.js');

describe('the real bin on TOML and JSON front matter', () => {
  it('lists, checks and exports the same dates in every time zone', () => {
    const cwd = fixtureProject('site-formats');
    const run = (args: string[], TZ: string) =>
      spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH!, TZ } });
    const lists = ['UTC', 'America/Chicago', 'Pacific/Kiritimati'].map((tz) => run(['list', '--format', 'json'], tz));
    for (const r of lists) expect(r.status).toBe(0);
    expect(new Set(lists.map((r) => r.stdout)).size).toBe(1);
    expect(JSON.parse(lists[0].stdout).map((e: { date: string }) => e.date)).toEqual([
      '2021-07-26',
      '2020-03-02',
      '2020-03-01',
      '2019-03-05',
      '2018-10-16',
    ]);
    const check = run(['check'], 'America/Chicago');
    expect(check.status).toBe(0);
    expect(check.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    const ndjson = run(['export', '--format', 'ndjson'], 'Pacific/Kiritimati');
    expect(ndjson.status).toBe(0);
    const toml = ndjson.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .find((e) => e.id === '2018-10-16-hugo-toml');
    expect(toml).toMatchObject({ date: '2018-10-16', event: { start: '2018-10-15', end: '2018-10-16', location: 'Ohrid' } });
  });
});
