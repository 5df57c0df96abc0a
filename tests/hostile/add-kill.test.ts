import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT, type BinResult, freezeBin, runBin, scaled } from '../helpers/hostile.js';

// At least 50 SIGKILLs of add at random moments (HOSTILE_LONG=1 for 500): every third run
// dies after its temporary file appears (every sixth the moment it appears), mid-write.
const KILLS = scaled(50, 500);
let base: string;

describe.skipIf(!BUILT)(`add killed with SIGKILL at random moments (${KILLS} runs, real bin)`, () => {
  beforeAll(() => {
    base = mkdtempSync(path.join(tmpdir(), 'releases-addkill-'));
    freezeBin(path.join(base, 'build'));
    cpSync(path.resolve(__dirname, '../fixtures/multilingual'), path.join(base, 'archive'), { recursive: true });
    writeFileSync(path.join(base, 'body.md'), `${'Ред на текстот, прекинат во случаен миг. '.repeat(50)}\n\n`.repeat(500));
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('each run leaves the complete file or no release file; the archive stays valid', async () => {
    const args = ['add', '--title', 'Прекинато додавање', '--date', '2025-07-07', '--body-file', 'body.md', '--no-input'];
    const expected = (await runBin([...args, '--dry-run'], base)).stdout;
    const runs = [await runBin(args, base), await runBin(args, base)];
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const full = { ms: Math.max(...runs.map((r) => r.ms)) };
    const folder = path.join(base, 'archive/2025');
    const tally = { complete: 0, nothing: 0, killed: 0, midWrite: 0 };
    const bad: string[] = [];
    for (let i = 0; i < KILLS; i++) {
      const before = readdirSync(folder).filter((f) => f.endsWith('.md')).length;
      let delay = Math.round(full.ms * (0.3 + Math.random() * 0.9));
      let r: BinResult;
      if (i % 3 === 2) {
        // Every third run dies 0–20 ms after its temporary file appears: mid-write.
        const run = runBin(args, base);
        delay = i % 6 === 2 ? 0 : Math.round(Math.random() * 20);
        const watcher = watch(folder, (_e, name) => {
          if (!String(name ?? '').endsWith('.tmp')) return;
          watcher.close();
          setTimeout(() => {
            if (run.kill()) tally.midWrite++;
          }, delay);
        });
        r = await run;
        watcher.close();
      } else r = await runBin(args, base, { killAfter: delay });
      if (r.signal === 'SIGKILL') tally.killed++;
      const mds = readdirSync(folder).filter((f) => f.endsWith('.md'));
      for (const f of mds)
        if (readFileSync(path.join(folder, f), 'utf8') !== expected)
          bad.push(`run ${i} (killed after ${delay} ms): ${f} is not the complete file`);
      if (mds.length > before) tally.complete++;
      else tally.nothing++;
    }
    const temps = readdirSync(folder).filter((f) => !f.endsWith('.md'));
    console.log(
      `add kill test: ${KILLS} runs (${tally.killed} killed, ${tally.midWrite} of them while their temporary file existed): ${tally.complete} wrote the complete file, ${tally.nothing} left no release file; ${temps.length} hidden temporary file(s); a full run took ${full.ms} ms`,
    );
    expect(bad).toEqual([]);
    // The test tests something only when kills landed, some of them mid-write.
    expect(tally.killed, JSON.stringify(tally)).toBeGreaterThan(0);
    expect(tally.midWrite, JSON.stringify(tally)).toBeGreaterThan(0);
    expect(tally.complete + tally.nothing).toBe(KILLS);
    for (const f of temps) expect(f).toMatch(/^\..*\.tmp$/);
    const check = await runBin(['check', '--format', 'json'], base);
    expect(JSON.parse(check.stdout).errors).toBe(0);
  }, 600_000);
});
