import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT, type BinResult, freezeBin, runBin, scaled, syntheticArchive } from '../helpers/hostile.js';

// `index --rebuild` empties and fills the index in one write transaction: killed at any
// moment, it must leave the old index whole, so the next command neither warns nor misses
// a release.
const KILLS = scaled(8, 60);
let base: string;

const SEARCH = ['search', 'соработка', '--format', 'json', '--limit', '1000'];
const ids = (r: BinResult) => (JSON.parse(r.stdout) as { id: string }[]).map((e) => e.id).sort();

describe.skipIf(!BUILT)(`index --rebuild killed with SIGKILL at random moments (${KILLS} runs, real bin)`, () => {
  beforeAll(async () => {
    base = mkdtempSync(path.join(tmpdir(), 'releases-indexkill-'));
    freezeBin(path.join(base, 'build'));
    await syntheticArchive(path.join(base, 'archive'), 800, 5);
  }, 120_000);
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('leaves the old index: the next search exits 0 without a warning and finds the same releases', async () => {
    const first = await runBin(SEARCH, base);
    expect(first.code, first.stderr).toBe(0);
    const expected = ids(first);
    expect(expected.length).toBeGreaterThan(0);
    const full = await runBin(['index', '--rebuild'], base);
    expect(full.code, full.stderr).toBe(0);
    let killed = 0;
    for (let i = 0; i < KILLS; i++) {
      const delay = Math.round(full.ms * (0.1 + (0.9 * i) / KILLS));
      const r = await runBin(['index', '--rebuild'], base, { killAfter: delay });
      if (r.signal === 'SIGKILL') killed++;
      else expect(r.code, r.stderr).toBe(0);
      const after = await runBin(SEARCH, base);
      const said = `run ${i}, killed after ${delay} ms: ${after.stderr}`;
      expect(after.code, said).toBe(0);
      expect(after.stderr, said).toBe('');
      expect(ids(after), said).toEqual(expected);
    }
    console.log(`index kill test: ${KILLS} rebuilds, ${killed} killed; a full rebuild took ${full.ms} ms`);
    expect(killed).toBeGreaterThan(KILLS / 2);
  }, 600_000);
});
