import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureProject } from '../helpers/cli.js';
import { runBin } from '../helpers/hostile.js';

const releases = (args: string[], cwd: string, stdin = '') => runBin(args, cwd, { stdin });

describe('releases add, many at once (real bin)', () => {
  it('20 concurrent adds of one title give 20 distinct, valid files', async () => {
    const cwd = fixtureProject('multilingual');
    const runs = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        releases(['add', '--title', 'Иста вест', '--date', '2025-05-05', '--body-file', '-', '--no-input'], cwd, `Текст број ${i}.\n`),
      ),
    );
    for (const r of runs) {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    const printed = runs.map((r) => r.stdout.trim());
    expect(new Set(printed).size).toBe(20);
    const files = readdirSync(path.join(cwd, 'archive/2025')).sort();
    expect(files).toEqual(['2025-05-05-ista-vest.md', ...Array.from({ length: 19 }, (_, i) => `2025-05-05-ista-vest-${i + 2}.md`)].sort());
    const bodies = files.map((f) => readFileSync(path.join(cwd, 'archive/2025', f), 'utf8').split('---\n\n')[1]);
    expect(new Set(bodies).size).toBe(20);
    const check = await releases(['check', '--format', 'json'], cwd);
    expect(JSON.parse(check.stdout).errors).toBe(0);
    const list = await releases(['list', '--from', '2025', '--format', 'json'], cwd);
    expect(JSON.parse(list.stdout)).toHaveLength(20);
  }, 180_000);
});
