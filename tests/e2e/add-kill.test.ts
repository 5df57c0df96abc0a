import { spawn } from 'node:child_process';
import { spawn as spawnChild } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureProject } from '../helpers/cli.js';

const BIN = path.resolve(__dirname, '../../bin/releases.js');

/** Runs the real bin; with `killAfter`, SIGKILLs it after that many milliseconds. */
function releases(args: string[], cwd: string, killAfter?: number): Promise<{ code: number | null; signal: string | null; stdout: string; ms: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.resume();
    const timer = killAfter === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfter);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, ms: Date.now() - started });
    });
  });
}

describe('releases add, killed at random moments (real bin)', () => {
  it('leaves either the complete file or no release file at all', async () => {
    const cwd = fixtureProject('multilingual');
    // A large body makes the write take long enough for kills to land in the middle of it.
    writeFileSync(path.join(cwd, 'big.md'), `${'Ред на текстот со кирилица, ред по ред. '.repeat(60)}\n\n`.repeat(2500));
    const args = ['add', '--title', 'Прекината вест', '--date', '2025-06-01', '--body-file', 'big.md', '--no-input'];
    const expected = (await releases([...args, '--dry-run'], cwd)).stdout;
    expect(expected.length).toBeGreaterThan(1_000_000);
    const full = await releases(args, cwd);
    expect(full.code).toBe(0);
    const folder = path.join(cwd, 'archive/2025');
    const outcomes = { complete: 0, nothing: 0 };
    for (let i = 0; i < 14; i++) {
      const before = readdirSync(folder).filter((f) => f.endsWith('.md')).length;
      const r = await releases(args, cwd, Math.round(full.ms * (0.2 + Math.random())));
      const mds = readdirSync(folder).filter((f) => f.endsWith('.md'));
      for (const f of mds) expect(readFileSync(path.join(folder, f), 'utf8'), `${f} after run ${i} (${r.signal ?? r.code})`).toBe(expected);
      if (mds.length > before) outcomes.complete++;
      else outcomes.nothing++;
    }
    // Leftover temporary files are hidden (".…tmp"): never taken for releases.
    const temps = readdirSync(folder).filter((x) => !x.endsWith('.md'));
    for (const f of temps) expect(f).toMatch(/^\..*\.tmp$/);
    const check = await releases(['check', '--format', 'json'], cwd);
    expect(JSON.parse(check.stdout).errors).toBe(0);
    expect(existsSync(path.join(cwd, 'archive/2025'))).toBe(true);
    console.log(`kill test: ${outcomes.complete} runs wrote the complete file, ${outcomes.nothing} left no release file (${temps.length} hidden temporary file(s) left by kills mid-write); a full run took ${full.ms} ms`);
  }, 300_000);

  it('killed the moment its temporary file appears, it leaves no release file', async () => {
    const cwd = fixtureProject('multilingual');
    writeFileSync(path.join(cwd, 'big.md'), `${'Ред на текстот. '.repeat(200)}\n\n`.repeat(3000));
    const folder = path.join(cwd, 'archive/2025');
    mkdirSync(folder);
    let killedMidWrite = 0;
    for (let i = 0; i < 5; i++) {
      const child = spawnChild(process.execPath, [BIN, 'add', '--title', 'Т', '--date', '2025-06-02', '--body-file', 'big.md', '--no-input'], { cwd, stdio: 'ignore' });
      // inotify tells us as soon as the temporary file is created: kill right then.
      const watcher = watch(folder, (_event, name) => {
        if (name && String(name).endsWith('.tmp') && child.exitCode === null) {
          killedMidWrite += child.kill('SIGKILL') ? 1 : 0;
          watcher.close();
        }
      });
      await new Promise((resolve) => child.on('close', resolve));
      watcher.close();
    }
    expect(killedMidWrite).toBeGreaterThan(0);
    expect(readdirSync(folder).filter((f) => f.endsWith('.md'))).toEqual([]);
    const check = await releases(['check', '--format', 'json'], cwd);
    expect(JSON.parse(check.stdout).errors).toBe(0);
    console.log(`kill test: ${killedMidWrite} of 5 runs killed while their temporary file existed; ${readdirSync(folder).length} hidden temporary file(s) left, no release file`);
  }, 300_000);
});
