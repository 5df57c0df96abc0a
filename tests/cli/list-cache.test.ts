import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureProject, runCli } from '../helpers/cli.js';

/** The cached output file beside the index of the project `cwd`, or undefined. */
function cacheFile(cwd: string): string | undefined {
  const dir = path.join(cwd, '.releases');
  const name = readdirSync(dir).find((n) => n.endsWith('-output'));
  return name && path.join(dir, name);
}

const release = (cwd: string) => path.join(cwd, 'archive/2018/2018-10-18-national-coordinator-at-third-international-conference.md');

describe('list from its cached output', () => {
  it('writes the same bytes again from the cache, for each format, width and colour', async () => {
    const cwd = fixtureProject('multilingual');
    const runs: [string[], Parameters<typeof runCli>[1]][] = [
      [['list'], { cwd }],
      [['list', '--format', 'json'], { cwd }],
      [['list', '--format', 'ndjson', '--sort', 'title'], { cwd }],
      [['list'], { cwd, tty: true, columns: 50 }],
      [['list'], { cwd, tty: true, columns: 50, env: { NO_COLOR: '1' } }],
      [['list', '--partner', 'osce', '--reverse'], { cwd }],
    ];
    for (const [argv, opts] of runs) {
      const first = await runCli(argv, opts);
      expect(cacheFile(cwd)).toBeDefined();
      const again = await runCli(argv, opts);
      expect(again).toEqual(first);
    }
    // Each run above was another command: none was answered by another one's output.
    const table = await runCli(['list'], { cwd });
    const json = await runCli(['list', '--format', 'json'], { cwd });
    expect(table.stdout).toMatch(/^PERIOD/);
    expect(JSON.parse(json.stdout)).toHaveLength(5);
    // The second run of one command is answered from the cache: what it holds is what is written.
    const cache = cacheFile(cwd) as string;
    const held = readFileSync(cache);
    writeFileSync(cache, Buffer.from(held.toString('latin1').replace('"title"', '"TITLE"'), 'latin1'));
    expect((await runCli(['list', '--format', 'json'], { cwd })).stdout).toBe(json.stdout.replace('"title"', '"TITLE"'));
  });

  it('sees an edited release, changed settings and a damaged cache', async () => {
    const cwd = fixtureProject('multilingual');
    await runCli(['list'], { cwd });
    const file = release(cwd);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/^title: .*$/m, 'title: A title edited in place'));
    const edited = await runCli(['list'], { cwd });
    expect(edited.stdout).toContain('A title edited in place');
    expect((await runCli(['list'], { cwd })).stdout).toBe(edited.stdout);

    // The default language of releases without one comes from the settings.
    const yml = path.join(cwd, 'archive/archive.yml');
    writeFileSync(yml, readFileSync(yml, 'utf8').replace(/^lang: mk$/m, 'lang: sq'));
    const future = new Date(Date.now() + 5_000);
    utimesSync(yml, future, future);
    const relang = await runCli(['list', '--format', 'json'], { cwd });
    const langs = await runCli(['list', '--format', 'json'], { cwd });
    expect(langs.stdout).toBe(relang.stdout);
    expect(relang.stdout).toContain('"lang": "sq"');

    const cache = cacheFile(cwd) as string;
    writeFileSync(cache, readFileSync(cache).subarray(0, 400));
    expect((await runCli(['list', '--format', 'json'], { cwd })).stdout).toBe(relang.stdout);
    writeFileSync(cache, 'not a cache\n');
    expect((await runCli(['list', '--format', 'json'], { cwd })).stdout).toBe(relang.stdout);
  });

  it('is still used after an edit of a body alone, not after one of a title', async () => {
    const cwd = fixtureProject('multilingual');
    const json = (await runCli(['list', '--format', 'json'], { cwd })).stdout;
    // Marked, so that a run answered from the kept output shows it.
    const cache = cacheFile(cwd) as string;
    writeFileSync(cache, Buffer.from(readFileSync(cache).toString('latin1').replace('"title"', '"TITLE"'), 'latin1'));
    const file = release(cwd);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, `${text}\nA line added to the body.\n`);
    expect((await runCli(['list', '--format', 'json'], { cwd })).stdout).toBe(json.replace('"title"', '"TITLE"'));
    // The index did read the edit: show prints the new body.
    const id = (JSON.parse(json) as { id: string; path: string }[]).find((r) => file.endsWith(r.path))?.id as string;
    expect((await runCli(['show', id], { cwd })).stdout).toContain('A line added to the body.');
    writeFileSync(file, `${text.replace(/^title: .*$/m, 'title: A title edited in place')}\nA line added to the body.\n`);
    const retitled = (await runCli(['list', '--format', 'json'], { cwd })).stdout;
    expect(retitled).toContain('A title edited in place');
    expect(retitled).not.toContain('"TITLE"');
  });

  it('is not kept while files are skipped, which each run tells again', async () => {
    const cwd = fixtureProject('multilingual');
    writeFileSync(path.join(cwd, 'archive/2020/2020-01-01-broken.md'), '---\ntitle: [unclosed\n---\nBody\n');
    const first = await runCli(['list'], { cwd });
    expect(first.stderr).toMatch(/skipped/);
    const again = await runCli(['list'], { cwd });
    expect(again).toEqual(first);
    expect(cacheFile(cwd)).toBeUndefined();
  });
});
