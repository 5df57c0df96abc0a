import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture } from '../helpers/search.js';
import { runBin } from '../helpers/hostile.js';

// Whatever the environment sets: the SQLite index beside the archive, the one both processes share.
const releases = (args: string[], cwd: string) => runBin(args, cwd, { env: { RELEASES_CACHE_DIR: '', RELEASES_INDEX: '' } });

const WORDS = ['соработка', 'безбедност', 'bashkëpunim', 'conference', 'партнери', 'граница', 'training', 'дијалог'];

/** Adds `n` generated releases, so that building the index takes long enough to overlap. */
function grow(archive: string, n: number, stamp = ''): void {
  mkdirSync(path.join(archive, 'gen'), { recursive: true });
  for (let i = 0; i < n; i++) {
    const body = Array.from({ length: 120 }, (_, j) => WORDS[(i * 7 + j) % WORDS.length]).join(' ');
    writeFileSync(
      path.join(archive, 'gen', `2024-01-${String((i % 28) + 1).padStart(2, '0')}-gen-${i}.md`),
      `---\ntitle: Генерирано ${i} ${stamp}\ndate: 2024-01-${String((i % 28) + 1).padStart(2, '0')}\n---\n${body}\n`,
    );
  }
}

describe('two processes using one index at once (real bin)', () => {
  const fixture = copyFixture('search-multilingual');
  afterAll(() => fixture.remove());

  it('build, refresh and read it together without "database is locked"', async () => {
    grow(fixture.archive, 600);
    // Both find no index and build it at the same time.
    const first = await Promise.all([
      releases(['search', 'соработка', '--format', 'ndjson'], fixture.root),
      releases(['search', 'соработка', '--format', 'ndjson'], fixture.root),
      releases(['list', '--format', 'ndjson'], fixture.root),
    ]);
    for (const r of first) {
      expect(r.stderr).not.toMatch(/locked|busy|error/i);
      expect(r.code).toBe(0);
    }
    expect(first[0].stdout).toBe(first[1].stdout);
    expect(first[0].stdout.trim().split('\n').length).toBeGreaterThan(600);

    // Both see the same 200 edited files and write them at the same time.
    grow(fixture.archive, 200, 'изменето');
    const later = new Date(Date.now() + 10_000);
    for (let i = 0; i < 200; i++)
      utimesSync(path.join(fixture.archive, 'gen', `2024-01-${String((i % 28) + 1).padStart(2, '0')}-gen-${i}.md`), later, later);
    const second = await Promise.all([
      releases(['search', 'изменето', '--format', 'ndjson'], fixture.root),
      releases(['search', 'изменето', '--format', 'ndjson'], fixture.root),
      releases(['index'], fixture.root),
    ]);
    for (const r of second) {
      expect(r.stderr).not.toMatch(/locked|busy|error/i);
      expect(r.code).toBe(0);
    }
    expect(second[0].stdout.trim().split('\n')).toHaveLength(200);
    expect(second[1].stdout).toBe(second[0].stdout);
  }, 120_000);
});
