import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable, type Readable } from 'node:stream';
import * as p from '@clack/prompts';
import type { Archive } from '../core/archive.js';
import { splitList } from '../core/create.js';
import { parseDate, parseRange } from '../core/dates.js';
import { ReleasesError } from '../core/errors.js';
import { nameMatches } from '../core/fold.js';
import type { AddInput } from './commands/add.js';
import type { Context } from './context.js';

const LANG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;

/** True when `add` may prompt: stdin and stderr (where prompts are drawn) are terminals. */
export function canPrompt(ctx: Context): boolean {
  return ctx.stdin.isTTY === true && ctx.stderr.isTTY === true;
}

/** Prompts are drawn on stderr, so stdout keeps only the result (the path, or JSON). */
function streams(ctx: Context): { input: Readable; output: Writable } {
  const err = ctx.stderr as Writable & { columns?: number };
  const input = ctx.stdin as Readable;
  if (typeof err.on === 'function') return { input, output: err };
  // A plain { write } object (tests): clack also needs on/off for resize events.
  const output = new Writable({ write: (chunk, _enc, done) => void (ctx.stderr.write(String(chunk)), done()) });
  return { input, output: Object.assign(output, { isTTY: true, columns: ctx.stderr.columns ?? 80 }) };
}

function answer<T>(value: T | symbol): Exclude<T, symbol> {
  if (p.isCancel(value)) throw new ReleasesError('cancelled: nothing was written', 130);
  return value as Exclude<T, symbol>;
}

type PartnerOption = { value: string; label: string; hint?: string; keys: string[] };

/** Partners to offer: the registry's, then the names already used in the archive. */
function partnerOptions(archive: Archive): PartnerOption[] {
  const out: PartnerOption[] = archive.registry.partners.map((r) => ({ value: r.name, label: r.name, hint: r.id, keys: [r.id, r.name, ...r.aliases] }));
  const seen = new Set(out.map((o) => o.value));
  for (const name of archive.releases.flatMap((r) => r.partners)) {
    if (seen.has(name) || archive.registry.resolve(name)) continue;
    seen.add(name);
    out.push({ value: name, label: name, keys: [name] });
  }
  return out;
}

/** Asks, one by one, for every field the flags did not give; Ctrl-C ends with exit 130. */
export async function askMissing(given: AddInput, archive: Archive, ctx: Context, today: string): Promise<AddInput> {
  const io = streams(ctx);
  const out: AddInput = { ...given };
  const text = async (message: string, opts: { placeholder?: string; initialValue?: string; validate?: (v: string) => string | undefined } = {}) =>
    answer(await p.text({ message, ...io, ...opts, validate: opts.validate ? (v) => opts.validate!((v ?? '').trim()) : undefined })).trim();
  p.intro(`New release in ${archive.settings.name}`, io);
  if (!out.title) out.title = await text('Title', { validate: (v) => (v ? undefined : 'a release needs a title') });
  if (out.date === undefined) {
    const typed = await text(`Publication date (blank for today, ${today})`, { placeholder: today, validate: (v) => (!v || parseDate(v).ok ? undefined : 'write YYYY-MM-DD or D.M.YYYY') });
    out.date = typed ? (parseDate(typed) as { date: string }).date : today;
    p.log.info(`date: ${out.date}`, io);
  }
  if (out.event === undefined) {
    const typed = await text('Event dates (blank if none)', { placeholder: '15-18.10.2018', validate: (v) => (!v || parseRange(v).ok ? undefined : 'write 15-18.10.2018, 15.10.2018-18.10.2018 or 2018-10-15..2018-10-18') });
    const range = typed ? parseRange(typed) : null;
    out.event = range?.ok ? range.period : null;
    if (out.event) p.log.info(`event: ${out.event.start}${out.event.end !== out.event.start ? ` .. ${out.event.end}` : ''}`, io);
  }
  if (out.location === undefined && out.event) out.location = (await text('Event location (blank if none)')) || undefined;
  if (out.partners === undefined) {
    const options = partnerOptions(archive);
    const chosen = options.length
      ? answer(await p.autocompleteMultiselect({
          message: 'Partners (type to filter, Tab to pick, Enter when done)', ...io, options,
          filter: (search, o) => !search.trim() || (options.find((x) => x.value === o.value)?.keys ?? [o.label ?? '']).some((k) => nameMatches(k, search)),
        }))
      : [];
    const others = splitList([await text('Other partners, comma-separated (blank if none)')]);
    out.partners = [...chosen, ...others.filter((o) => !chosen.includes(o))];
  }
  if (out.people === undefined) out.people = splitList([await text('People, comma-separated (blank if none)')]);
  if (out.tags === undefined) out.tags = splitList([await text('Tags, comma-separated (blank if none)')]);
  if (out.lang === undefined) {
    out.lang = await text('Language', { initialValue: archive.settings.lang, validate: (v) => (LANG.test(v) ? undefined : 'a code such as mk, sq or en') });
  }
  if (out.summary === undefined) out.summary = (await text('Summary, one or two sentences (blank if none)')) || undefined;
  if (out.body === undefined) {
    const editor = ctx.env.VISUAL || ctx.env.EDITOR;
    out.body = editor ? await editBody(ctx, editor, '') : answer(await p.multiline({ message: 'Text of the release (Enter on an empty line ends it)', ...io, validate: (v) => ((v ?? '').trim() ? undefined : 'a release needs its text') }));
  }
  return out;
}

/** Shows the file about to be written and asks to go on; no means exit 130, nothing written. */
export async function confirmWrite(ctx: Context, where: string, fileText: string): Promise<void> {
  const io = streams(ctx);
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
    if (result.status !== 0) throw new ReleasesError(`the editor (${editor}) ended with ${result.signal ?? `exit code ${result.status}`}: nothing was written`, 1, 'check $VISUAL / $EDITOR, or give the text with --body-file FILE');
    return await fs.readFile(file, 'utf8');
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
