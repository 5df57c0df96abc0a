import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

// Keeps the benchmark harness from rotting: its quick mode, on a freshly generated 1k
// archive, with a few cases, must time our commands and report peers (or skip them).
const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '..', '..');
const root = mkdtempSync(path.join(tmpdir(), 'bench-quick-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('npm run bench -- --quick', () => {
  it('times list, search and --version on a 1k archive and prints the goals table', async () => {
    const json = path.join(root, 'results.json');
    const { stdout } = await run(process.execPath, ['bench/run.js', '--quick', '--root', root, '--only', 'version,list,search,node,rg', '--json', json], { cwd: repo, timeout: 90_000 });
    const { results, archives } = JSON.parse(readFileSync(json, 'utf8'));
    expect(archives['1k'].files).toBe(1000);
    for (const id of ['version', 'list', 'search', 'node']) {
      expect(results['1k'][id].ok, id).toBe(true);
      expect(results['1k'][id].wall).toBeGreaterThan(0);
      expect(results['1k'][id].runs).toBe(1);
    }
    expect(results['1k'].list.cpu === null || results['1k'].list.cpu > 0).toBe(true);
    // ripgrep is optional: measured when installed, absent otherwise
    if (results['1k'].rg) expect(results['1k'].rg.ok).toBe(true);
    expect(stdout).toContain('### Goals');
    expect(stdout).toMatch(/\| releases --version vs node -e 0 \| 1k \| [\d.]+ /);
    expect(stdout).toContain('| list |');
  }, 120_000);
});
