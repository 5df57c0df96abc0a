import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach } from 'vitest';
import { run } from '../../src/main.js';

const FIXTURES = path.resolve(__dirname, '../fixtures');
const made: string[] = [];

afterEach(() => {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
});

/**
 * A fresh temp folder, removed after the test. It lies one level down in a folder of its
 * own, so that an index made for it as an archive (`.releases/` beside the archive) is
 * removed with it instead of piling up in the system temp folder.
 */
export function tempDir(prefix = 'releases-test-'): string {
  const outer = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(outer);
  const dir = path.join(outer, 'dir');
  mkdirSync(dir);
  return dir;
}

/** Copies `tests/fixtures/<name>` into a temp folder as `<tmp>/archive` and returns `<tmp>`. */
export function fixtureProject(name: string): string {
  const dir = tempDir();
  cpSync(path.join(FIXTURES, name), path.join(dir, 'archive'), { recursive: true });
  return dir;
}

/** What a run printed and returned. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Options of an in-process run: where, with which environment, on a terminal or not. */
export interface RunOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  tty?: boolean;
  columns?: number;
  stdin?: string;
  now?: Date;
}

/** Runs the CLI in-process, as `releases ...argv`, and collects its output. */
export async function runCli(argv: string[], opts: RunOptions): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const stdin = new PassThrough() as PassThrough & { isTTY?: boolean };
  stdin.isTTY = opts.tty ?? false;
  stdin.end(opts.stdin ?? '');
  const code = await run(argv, {
    stdout: { write: (t: string) => (stdout += t), isTTY: opts.tty ?? false, columns: opts.columns },
    stderr: { write: (t: string) => (stderr += t), isTTY: opts.tty ?? false },
    stdin,
    env: { ...(opts.env ?? {}) },
    cwd: opts.cwd,
    now: opts.now ?? new Date('2026-11-29T10:00:00Z'),
  });
  return { code, stdout, stderr };
}
