import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureProject } from '../helpers/cli.js';

const BIN = path.resolve(__dirname, '../../bin/releases.js');
const releases = (args: string[], cwd: string, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH!, ...env } });

describe('the real bin', () => {
  it('prints its version and help', () => {
    const cwd = fixtureProject('multilingual');
    const v = releases(['--version'], cwd);
    expect(v.status).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = releases(['--help'], cwd);
    expect(help.status).toBe(0);
    for (const cmd of ['list', 'show', 'check', 'partners']) expect(help.stdout).toContain(cmd);
    const listHelp = releases(['list', '--help'], cwd);
    expect(listHelp.stdout).toContain('Examples:');
    expect(listHelp.stdout).toContain('--partner <name>');
  });

  it('gives the same dates in every time zone', () => {
    const cwd = fixtureProject('multilingual');
    const outputs = ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Europe/Skopje'].map(
      (TZ) => releases(['list', '--format', 'json'], cwd, { TZ }).stdout,
    );
    expect(new Set(outputs).size).toBe(1);
    const dates = JSON.parse(outputs[0]).map((e: { date: string }) => e.date);
    expect(dates).toEqual(['2021-06-01', '2020-01-10', '2019-03-05', '2018-10-18', '2018-10-18']);
  });

  it('exits 1 for check errors and 2 for bad usage, never with a stack trace', () => {
    const cwd = fixtureProject('bad-inputs');
    const check = releases(['check'], cwd);
    expect(check.status).toBe(1);
    const usage = releases(['list', '--from', 'someday'], cwd);
    expect(usage.status).toBe(2);
    for (const r of [check, usage]) expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('stops quietly when the reader of a pipe goes away', () => {
    const cwd = fixtureProject('multilingual');
    const out = execFileSync('bash', ['-c', `node ${BIN} list --format ndjson | head -c 10; echo " status=\${PIPESTATUS[0]}"`], {
      cwd,
      encoding: 'utf8',
    });
    expect(out).toMatch(/status=0$/m);
  });
});
