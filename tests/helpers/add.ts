import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { run } from '../../src/main.js';
import type { RunResult } from './cli.js';

/** Keys as a terminal sends them. */
export const KEY = { enter: '\r', tab: '\t', ctrlC: '\x03', down: '\x1b[B', backspace: '\x7f' };

/**
 * One step of a terminal session: wait until the screen shows `waitFor` (text or pattern,
 * in what was drawn since the previous step's keys), then type `keys`. An empty `waitFor`
 * waits for anything at all to be drawn in answer to the previous keys.
 */
export type Step = [waitFor: string | RegExp, keys: string];

/** How long a step may wait for its text before the test fails, naming what it waited for. */
const STEP_LIMIT_MS = 20_000;

/**
 * Runs the CLI in-process on a fake terminal and plays `steps`, each once its prompt is on
 * the screen. Returns what was printed: prompts go to stderr, the result to stdout.
 */
export async function runTyped(
  argv: string[],
  steps: Step[],
  opts: { cwd: string; env?: Record<string, string | undefined>; now?: Date },
): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  let wake = () => {};
  const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => stdin });
  const done = run(argv, {
    stdout: { write: (t: string) => ((stdout += t), wake()), isTTY: true, columns: 100 },
    stderr: { write: (t: string) => ((stderr += t), wake()), isTTY: true, columns: 100 },
    stdin,
    env: { NO_COLOR: '1', ...(opts.env ?? {}) },
    cwd: opts.cwd,
    now: opts.now ?? new Date('2026-11-29T10:00:00Z'),
  });
  let finished = false;
  void done.then(() => ((finished = true), wake()));
  let from = 0;
  for (const [waitFor, keys] of steps) {
    const shows = () => {
      const drawn = stderr.slice(from);
      return waitFor === '' ? drawn.length > 0 : typeof waitFor === 'string' ? drawn.includes(waitFor) : waitFor.test(drawn);
    };
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `waited ${STEP_LIMIT_MS} ms for ${String(waitFor) || 'any output'}; the screen since the last keys:\n${stderr.slice(from)}`,
            ),
          ),
        STEP_LIMIT_MS,
      );
      wake = () => {
        if (!finished && !shows()) return;
        clearTimeout(timer);
        wake = () => {};
        resolve();
      };
      wake();
    });
    if (finished) break;
    from = stderr.length;
    for (const ch of keys.match(/\x1b\[[A-D]|[\s\S]/gu) ?? []) stdin.write(ch);
  }
  const code = await done;
  stdin.end();
  return { code, stdout, stderr };
}

/** `add` with every field given but the text (and no attachments): only those prompts remain. */
export const EVERY_FIELD_BUT_TEXT = [
  'add',
  '--title',
  'T',
  '--date',
  '2025-01-02',
  '--event',
  '',
  '--partner',
  'x',
  '--person',
  'p',
  '--tag',
  't',
  '--lang',
  'mk',
  '--summary',
  's',
];

/** The files and folders of one year of a project's archive, sorted (none without that year's folder). */
export const releasesIn = (dir: string, year: string) =>
  existsSync(path.join(dir, 'archive', year)) ? readdirSync(path.join(dir, 'archive', year)).sort() : [];
