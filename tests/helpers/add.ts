import { PassThrough } from 'node:stream';
import { run } from '../../src/main.js';
import type { RunResult } from './cli.js';

/** Keys as a terminal sends them. */
export const KEY = { enter: '\r', tab: '\t', ctrlC: '\x03', down: '\x1b[B' };

/**
 * Runs the CLI in-process on a fake terminal and types `keys` one answer at a time, each
 * after the output has been quiet for a moment (a prompt is waiting). Returns what was
 * printed: prompts go to stderr, the result to stdout.
 */
export async function runTyped(argv: string[], keys: string[], opts: { cwd: string; env?: Record<string, string | undefined>; now?: Date }): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  let lastOutput = Date.now();
  const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => stdin });
  const done = run(argv, {
    stdout: { write: (t: string) => ((stdout += t), (lastOutput = Date.now())), isTTY: true, columns: 100 },
    stderr: { write: (t: string) => ((stderr += t), (lastOutput = Date.now())), isTTY: true, columns: 100 },
    stdin,
    env: { NO_COLOR: '1', ...(opts.env ?? {}) },
    cwd: opts.cwd,
    now: opts.now ?? new Date('2026-11-29T10:00:00Z'),
  });
  let finished = false;
  void done.then(() => (finished = true));
  for (const k of keys) {
    // Wait for the prompt to be drawn: output quiet for 60 ms (a prompt draws itself in one go).
    while (!finished && Date.now() - lastOutput < 60) await new Promise((r) => setTimeout(r, 10));
    if (finished) break;
    for (const ch of k.match(/\x1b\[[A-D]|[\s\S]/gu) ?? []) stdin.write(ch);
    lastOutput = Date.now();
  }
  const code = await done;
  stdin.end();
  return { code, stdout, stderr };
}
