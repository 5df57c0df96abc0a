import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
let BIN = path.join(ROOT, 'bin/releases.js');

/**
 * Copies `bin/` and `dist/` to `dir` (with `node_modules` linked) and runs that copy from now
 * on: a long test keeps comparing the output of one build even when `dist/` is rebuilt
 * meanwhile (by a parallel `npm run build`). With `forAnyUser`, the copy is what `npm pack`
 * holds (package.json's `files`) with the production dependencies copied in, every file
 * readable and every folder open to all users: a bin run as another user (`prefix`) then
 * needs nothing from the checkout, whose folders that user may not enter (a clone in a 0700
 * folder). `dir`'s parents must be open to that user too (a folder made in `tmpdir()`).
 */
export function freezeBin(dir: string, o: { forAnyUser?: boolean } = {}): void {
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
  if (o.forAnyUser) {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
    for (const rel of [...pkg.files.filter((f) => existsSync(path.join(ROOT, f))), ...productionPackages()])
      cpSync(path.join(ROOT, rel), path.join(dir, rel), { recursive: true, dereference: true });
    openToAll(dir);
  } else {
    cpSync(path.join(ROOT, 'bin'), path.join(dir, 'bin'), { recursive: true });
    cpSync(path.join(ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  }
  BIN = path.join(dir, 'bin/releases.js');
}

/**
 * The folders (relative to the checkout) of the packages an install of releases holds: its
 * `dependencies`, theirs, and so on, each found as Node finds it from the package needing it.
 */
function productionPackages(): string[] {
  const found = new Set<string>();
  const visit = (from: string) => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, from, 'package.json'), 'utf8')) as Partial<
      Record<'dependencies' | 'optionalDependencies', Record<string, string>>
    >;
    for (const name of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) {
      let at = from;
      // Up from the needing package's own node_modules to each enclosing one, as Node looks.
      while (!existsSync(path.join(ROOT, at, 'node_modules', name, 'package.json')) && at !== '')
        at = at.replace(/\/?node_modules\/(@[^/]+\/)?[^/]+$/, '');
      const rel = path.join(at, 'node_modules', name);
      if (found.has(rel) || !existsSync(path.join(ROOT, rel, 'package.json'))) continue;
      found.add(rel);
      visit(rel);
    }
  };
  visit('');
  return [...found].filter((rel) => ![...found].some((other) => rel.startsWith(`${other}/`)));
}

/** Lets every user read each file and enter each folder below `dir` (links are left as they are). */
export function openToAll(dir: string): void {
  const st = lstatSync(dir);
  if (st.isSymbolicLink()) return;
  chmodSync(dir, (st.mode & 0o7777) | (st.isDirectory() ? 0o555 : 0o444));
  if (st.isDirectory()) for (const name of readdirSync(dir)) openToAll(path.join(dir, name));
}

/** Whether `npm run build` has produced the compiled code the real bin needs. */
export const BUILT = existsSync(path.resolve(__dirname, '../../dist/main.js'));

/** How a run of the real bin ended. */
export interface BinResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Options of a real-bin run: kill it after `killAfter` ms, or when `killWhen` says so. */
export interface BinOptions {
  env?: Record<string, string | undefined>;
  stdin?: string;
  killAfter?: number;
  /** Runs the bin as another user (argv prefix, e.g. setpriv …); the bin path stays the same. */
  prefix?: string[];
  timeoutMs?: number;
}

/** Runs `releases ...args` in a child process with `NO_COLOR`, optionally killing it with SIGKILL. */
export function runBin(args: string[], cwd: string, o: BinOptions = {}): Promise<BinResult> & { kill(): boolean } {
  const started = Date.now();
  const argv = [...(o.prefix ?? []), process.execPath, BIN, ...args];
  const child = spawn(argv[0], argv.slice(1), {
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...(o.env ?? {}) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdin.on('error', () => undefined);
  child.stdin.end(o.stdin ?? '');
  const timers = [
    o.killAfter === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), o.killAfter),
    setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 120_000),
  ];
  const done = new Promise<BinResult>((resolve) => {
    child.on('close', (code, signal) => {
      for (const t of timers) clearTimeout(t);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
  return Object.assign(done, { kill: () => child.exitCode === null && child.kill('SIGKILL') });
}

/**
 * Every entry below `dir` (hidden ones too) with the sha256 of each file's bytes: two equal
 * snapshots mean byte-identical trees. Symbolic links show their target, folders show `dir`.
 */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(dir, rel)).sort()) {
      const r = rel ? `${rel}/${name}` : name;
      const abs = path.join(dir, r);
      const st = lstatSync(abs);
      if (st.isSymbolicLink()) out.set(r, `link:${readlinkSync(abs)}`);
      else if (st.isDirectory()) {
        out.set(r, 'dir');
        walk(r);
      } else out.set(r, createHash('sha256').update(readFileSync(abs)).digest('hex'));
    }
  };
  if (existsSync(dir)) walk('');
  return out;
}

/** The entries that differ between two snapshots (added, removed or changed), for messages. */
export function snapshotDiff(a: Map<string, string>, b: Map<string, string>, max = 8): string[] {
  const diff: string[] = [];
  for (const [k, v] of a) if (b.get(k) !== v) diff.push(b.has(k) ? `~ ${k}` : `- ${k}`);
  for (const k of b.keys()) if (!a.has(k)) diff.push(`+ ${k}`);
  return diff.slice(0, max);
}

/** True when two snapshots are identical. */
export function sameSnapshot(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}

/** Writes a deterministic synthetic archive of `count` releases to `out` (bench/generate.js). */
export async function syntheticArchive(out: string, count: number, seed = 7): Promise<void> {
  const gen = (await import(path.resolve(__dirname, '../../bench/generate.js') as string)) as {
    generate(o: { count: number; out: string; seed: number }): Promise<unknown>;
  };
  await gen.generate({ count, out, seed });
}

/**
 * Short in CI; `HOSTILE_LONG=1` for the long local runs. Any other number scales the CI
 * count (`HOSTILE_LONG=0.2` for a quick try, `HOSTILE_LONG=20`).
 */
export function scaled(ci: number, long: number): number {
  const v = process.env.HOSTILE_LONG;
  if (!v) return ci;
  const n = Number(v);
  if (n === 1 || !Number.isFinite(n) || n <= 0) return long;
  return Math.max(1, Math.round(ci * n));
}
