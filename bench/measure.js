// Times one command as a whole process: wall time (hrtime around the spawn), CPU time
// (user + sys) and peak resident memory. With GNU time (/usr/bin/time) every process is
// measured the same way; without it, Node processes report their own accounting through
// bench/rusage.cjs (loaded with NODE_OPTIONS) and other peers get wall time only.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const GNU_TIME = '/usr/bin/time';
export const hasGnuTime = fs.existsSync(GNU_TIME);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'releases-bench-'));
process.on('exit', () => fs.rmSync(scratch, { recursive: true, force: true }));

/** The median of numbers (null for none). */
export function median(xs) {
  const v = xs.filter((x) => x != null).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

function readGnuTime(file) {
  // "Command exited with non-zero status N" may come first; the numbers are the last line.
  const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
  const [user, sys, kb] = lines[lines.length - 1].split(' ').map(Number);
  return { cpu: user + sys, rssMb: kb / 1024 };
}

/**
 * Runs `cmd args` once; stdout goes to `stdoutFile` (or /dev/null), stderr is kept for
 * error messages. Resolves to { wall, cpu, rssMb, code, stderr } (seconds, MB).
 */
export function runOnce({ cmd, args, cwd, env, stdoutFile, node = false }) {
  const timeFile = path.join(scratch, 'time.txt');
  const usageFile = path.join(scratch, 'usage.json');
  fs.rmSync(usageFile, { force: true });
  const childEnv = { ...process.env, ...env };
  let argv = [cmd, ...args];
  if (hasGnuTime) argv = [GNU_TIME, '-f', '%U %S %M', '-o', timeFile, ...argv];
  else if (node) {
    childEnv.NODE_OPTIONS = `${childEnv.NODE_OPTIONS ?? ''} --require ${path.join(HERE, 'rusage.cjs')}`.trim();
    childEnv.BENCH_RUSAGE_FILE = usageFile;
  }
  const out = fs.openSync(stdoutFile ?? '/dev/null', 'w');
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(argv[0], argv.slice(1), { cwd, env: childEnv, stdio: ['ignore', out, 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr = (stderr + d).slice(-4000);
    });
    const done = (code, error) => {
      const wall = Number(process.hrtime.bigint() - t0) / 1e9;
      fs.closeSync(out);
      let usage = { cpu: null, rssMb: null };
      try {
        if (hasGnuTime) usage = readGnuTime(timeFile);
        else if (node) usage = JSON.parse(fs.readFileSync(usageFile, 'utf8'));
      } catch {
        /* the process died before reporting: wall time only */
      }
      resolve({ wall, ...usage, code, stderr: error ? String(error.message) : stderr });
    };
    child.on('error', (e) => done(127, e));
    child.on('close', (code) => done(code ?? 1));
  });
}

/**
 * Measures a case: `warmup` untimed runs, then up to `runs` timed ones, each after the
 * case's `setup()` (untimed) and followed by `after(result)`. A run longer than 30 s makes
 * its warm-up count as a timed run (the files are already in the page cache from the cases
 * before), unless the case `primes` a cache in its warm-up (the first search builds the
 * full-text table); no new run starts once `budget` seconds are spent. Stops at the first
 * failing run. Returns { runs, wall, cpu, rssMb, wallMin, wallMax, cpuMin, cpuMax, ok, error }.
 */
export async function measure(c, { warmup = 1, runs = 5, budget = 90 } = {}) {
  const samples = [];
  let spent = 0;
  for (let i = 0; i < warmup + runs && samples.length < runs; i++) {
    if (c.setup) await c.setup();
    const r = await runOnce(c);
    if (c.after) await c.after(r);
    spent += r.wall;
    if (r.code !== 0 && !(c.okCodes ?? [0]).includes(r.code)) {
      return {
        ok: false,
        error: `exit ${r.code}: ${r.stderr
          .trim()
          .split('\n')
          .filter((l) => l.trim() && !/^(\[11ty\])?\s+at /.test(l))
          .slice(0, 2)
          .join(' / ')}`,
        runs: samples.length,
      };
    }
    if (i >= warmup || (r.wall > 30 && !c.primes)) samples.push(r);
    if (samples.length && spent + r.wall > budget) break;
  }
  const walls = samples.map((s) => s.wall);
  const cpus = samples.map((s) => s.cpu).filter((x) => x != null);
  const rss = samples.map((s) => s.rssMb).filter((x) => x != null);
  return {
    ok: true,
    runs: samples.length,
    wall: median(walls),
    wallMin: Math.min(...walls),
    wallMax: Math.max(...walls),
    cpu: median(cpus),
    cpuMin: cpus.length ? Math.min(...cpus) : null,
    cpuMax: cpus.length ? Math.max(...cpus) : null,
    rssMb: rss.length ? Math.max(...rss) : null,
  };
}
