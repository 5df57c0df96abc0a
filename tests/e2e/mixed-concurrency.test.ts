import { describe, expect, it } from 'vitest';
import { fixtureProject } from '../helpers/cli.js';
import { runBin } from '../helpers/hostile.js';

// Commands started together on an archive without an index all build it at once: each must
// answer as it answers alone. Before, a search could find nothing when a list emptied the
// full-text table between the search's build of it and its read, and an add could warn
// "locked for over 15 s" after a second when two processes switched the new file to WAL.

const COMMANDS = [
  ['search', 'ОБСЕ', '--format', 'ndjson'],
  ['list', '--format', 'ndjson'],
  ['search', 'sorabotka', '--format', 'ndjson'],
  ['check', '--format', 'json'],
  ['partners', '--format', 'json'],
  ['search', 'petrevski', '--format', 'ndjson'],
  ['export', '--format', 'ndjson'],
  ['list', '--lang', 'mk', '--format', 'ndjson'],
];

// Whatever the environment sets: the SQLite index beside the archive, the one all processes share.
const releases = (args: string[], cwd: string) => runBin(args, cwd, { env: { RELEASES_CACHE_DIR: '', RELEASES_INDEX: '' } });

describe('eight different commands at once on an archive without an index (real bin)', () => {
  it('answer each as they answer one at a time, without a warning', async () => {
    const quiet = fixtureProject('search-multilingual');
    const alone: Awaited<ReturnType<typeof releases>>[] = [];
    for (const args of COMMANDS) alone.push(await releases(args, quiet));
    for (const r of alone) expect([r.code, r.stderr]).toEqual([0, '']);
    expect(alone[0].stdout.trim().split('\n')).toHaveLength(5);
    for (let round = 0; round < 3; round++) {
      const cwd = fixtureProject('search-multilingual');
      const together = await Promise.all(COMMANDS.map((args) => releases(args, cwd)));
      together.forEach((r, i) => {
        expect([COMMANDS[i].join(' '), r.code, r.stderr]).toEqual([COMMANDS[i].join(' '), 0, '']);
        expect(r.stdout, COMMANDS[i].join(' ')).toBe(alone[i].stdout);
      });
    }
  }, 120_000);
});
