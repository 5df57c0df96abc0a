import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fixtureProject, runCli } from '../helpers/cli.js';

interface Step {
  name?: string;
  run?: string;
}
const workflow = parse(readFileSync(path.resolve(__dirname, '../../docs/workflow-publish.yml'), 'utf8')) as {
  env: Record<string, string>;
  jobs: { build: { steps: Step[] } };
};
const steps = workflow.jobs.build.steps;
const env = { GITHUB_REPOSITORY_OWNER: 'press-office', GITHUB_REPOSITORY: 'press-office/archive' };

/** The words of a `run:` line as the runner's bash would pass them. */
function words(line: string): string[] {
  const out = execFileSync('bash', ['-c', `set -- ${line}; printf '%s\\0' "$@"`], { env: { ...process.env, ...env }, encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

describe('docs/workflow-publish.yml', () => {
  it('installs the tool from a place the user sets, not the unrelated `releases` package on npm', () => {
    const install = steps.find((s) => s.run?.startsWith('npm install'))!;
    expect(install.run).toContain('$RELEASES_FROM');
    expect(workflow.env.RELEASES_FROM).toMatch(/^github:/);
  });

  it('runs commands and flags that exist: check, the site and the JSON export work on an archive', async () => {
    const cwd = fixtureProject('export-site');
    const runs = steps.filter((s) => s.run?.startsWith('releases ')).map((s) => words(s.run!.trim()));
    expect(runs.map((w) => w[1])).toEqual(['check', 'export', 'export']);
    for (const argv of runs) {
      const r = await runCli(argv.slice(1), { cwd, env });
      // The fixture holds warnings but no errors: every step must pass as it would in CI.
      expect(r.code, `${argv.join(' ')}\n${r.stderr}`).toBe(0);
    }
    const site = path.join(cwd, '_site');
    expect(existsSync(path.join(site, 'index.html'))).toBe(true);
    const entries = JSON.parse(readFileSync(path.join(site, 'releases.json'), 'utf8')) as unknown[];
    expect(entries.length).toBeGreaterThan(0);
    // --base-url reached the feeds: links are absolute, under the Pages address.
    const feed =
      readdirSync(site).find((n) => /\.xml$/.test(n)) ??
      readdirSync(path.join(site, 'feeds'))
        .map((n) => `feeds/${n}`)
        .find((n) => n.endsWith('.xml'))!;
    expect(readFileSync(path.join(site, feed), 'utf8')).toContain('https://press-office.github.io/archive/');
  });
});
