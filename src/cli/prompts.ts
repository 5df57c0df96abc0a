import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable, type Readable } from 'node:stream';
import * as p from '@clack/prompts';
import { ReleasesError } from '../core/errors.js';
import type { Context } from './context.js';

/** Where prompts read and draw. */
export interface PromptIO {
  input: Readable;
  output: Writable;
}

/** True when a command may prompt: stdin and stderr (where prompts are drawn) are terminals. */
export function canPrompt(ctx: Context): boolean {
  return ctx.stdin.isTTY === true && ctx.stderr.isTTY === true;
}

/** Prompts are drawn on stderr, so stdout keeps only the result (the path, or JSON). */
export function promptStreams(ctx: Context): PromptIO {
  const err = ctx.stderr as Writable & { columns?: number };
  const input = ctx.stdin as Readable;
  if (typeof err.on === 'function') return { input, output: err };
  // A plain { write } object (tests): clack also needs on/off for resize events.
  const output = new Writable({ write: (chunk, _enc, done) => void (ctx.stderr.write(String(chunk)), done()) });
  return { input, output: Object.assign(output, { isTTY: true, columns: ctx.stderr.columns ?? 80 }) };
}

/** The value of an answered prompt; a cancelled one (Ctrl-C) ends with exit 130, nothing written. */
export function answer<T>(value: T | symbol): Exclude<T, symbol> {
  if (p.isCancel(value)) throw new ReleasesError('cancelled: nothing was written', 130);
  return value as Exclude<T, symbol>;
}

/** Asks for one line of text, trimmed; `validate` sees the trimmed text. */
export async function askText(
  io: PromptIO,
  message: string,
  opts: { placeholder?: string; initialValue?: string; validate?: (v: string) => string | undefined } = {},
): Promise<string> {
  const validate = opts.validate;
  return answer(await p.text({ message, ...io, ...opts, validate: validate ? (v) => validate((v ?? '').trim()) : undefined })).trim();
}

/** Shows the file about to be written and asks to go on; no means exit 130, nothing written. */
export async function confirmWrite(ctx: Context, where: string, fileText: string): Promise<void> {
  const io = promptStreams(ctx);
  p.note(fileText.trimEnd(), where, { ...io, format: (line) => line });
  const ok = answer(await p.confirm({ message: `Write ${where}?`, ...io }));
  if (!ok) throw new ReleasesError('cancelled: nothing was written', 130);
}

/** Opens the user's editor on the body in a temporary file and returns what was saved. */
export async function editBody(ctx: Context, editor: string, initial: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'releases-edit-'));
  const file = path.join(dir, 'release.md');
  try {
    await fs.writeFile(file, initial);
    // Through a shell, so EDITOR may hold arguments ("code --wait").
    const result = spawnSync(`${editor} "${file}"`, { shell: true, stdio: 'inherit', env: ctx.env as NodeJS.ProcessEnv, cwd: ctx.cwd });
    if (result.status !== 0)
      throw new ReleasesError(
        `the editor (${editor}) ended with ${result.signal ?? `exit code ${result.status}`}: nothing was written`,
        1,
        'check $VISUAL / $EDITOR, or give the text with --body-file FILE',
      );
    return await fs.readFile(file, 'utf8');
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
