import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT, freezeBin, runBin, scaled } from '../helpers/hostile.js';

const KILLS = scaled(20, 200);
let base: string;

describe.skipIf(!BUILT)(`add --attach killed with SIGKILL at random moments (${KILLS} runs, real bin)`, () => {
  beforeAll(() => {
    base = mkdtempSync(path.join(tmpdir(), 'releases-attachkill-'));
    freezeBin(path.join(base, 'build'));
    cpSync(path.resolve(__dirname, '../fixtures/multilingual'), path.join(base, 'archive'), { recursive: true });
    // Large enough that copying and syncing it takes a while: kills land mid-copy too.
    writeFileSync(path.join(base, 'statement.pdf'), Buffer.alloc(24 * 1024 * 1024, 7));
    writeFileSync(path.join(base, 'photo.png'), Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'));
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('each run leaves a complete release folder, an empty folder or nothing; never a partial one', async () => {
    const args = [
      'add',
      '--title',
      'Прекинато',
      '--date',
      '2025-07-07',
      '--body',
      'Текст.',
      '--no-input',
      '--attach',
      'photo.png',
      '--alt',
      'Слика',
      '--attach',
      'statement.pdf',
    ];
    const first = await runBin(args, base);
    expect(first.code, first.stderr).toBe(0);
    const folder = path.join(base, 'archive/2025');
    const expected = readFileSync(path.join(folder, '2025-07-07-prekinato/index.md'), 'utf8');
    const bad: string[] = [];
    const tally = { complete: 0, empty: 0, killed: 0 };
    for (let i = 0; i < KILLS; i++) {
      const r = await runBin(args, base, { killAfter: Math.round(first.ms * (0.2 + Math.random() * 0.9)) });
      if (r.signal === 'SIGKILL') tally.killed++;
    }
    for (const name of readdirSync(folder)) {
      if (name.startsWith('.')) continue;
      const files = readdirSync(path.join(folder, name)).sort();
      if (!files.length) {
        tally.empty++;
        continue;
      }
      tally.complete++;
      if (files.join() !== 'index.md,photo.png,statement.pdf') bad.push(`${name}: ${files.join()}`);
      else if (readFileSync(path.join(folder, name, 'index.md'), 'utf8') !== expected) bad.push(`${name}/index.md differs`);
      else if (statSync(path.join(folder, name, 'statement.pdf')).size !== 24 * 1024 * 1024) bad.push(`${name}/statement.pdf is cut short`);
    }
    console.log(
      `add --attach kill test: ${KILLS} runs (${tally.killed} killed): ${tally.complete} complete folders, ${tally.empty} empty; a full run took ${first.ms} ms`,
    );
    expect(bad).toEqual([]);
    const check = await runBin(['check', '--format', 'json'], base);
    expect(JSON.parse(check.stdout).errors).toBe(0);
  }, 600_000);
});
