import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { parseDate, parseRange, today } from '../../core/dates.js';
import { ReleasesError, usageError } from '../../core/errors.js';
import type { CalendarDate, Period } from '../../core/types.js';
import type { Context } from '../context.js';
import { addArchiveOption, collect, formatOption } from '../options.js';

/** What is known of a new release from flags (and then prompts); undefined means not given. */
export interface AddInput {
  title?: string;
  date?: CalendarDate;
  event?: Period | null;
  location?: string;
  partners?: string[];
  people?: string[];
  tags?: string[];
  lang?: string;
  summary?: string;
  translationKey?: string;
  body?: string;
}

const LANG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads the flags into an `AddInput`; a value that cannot be read is bad usage (exit 2). */
async function readFlags(opts: Record<string, unknown>, ctx: Context): Promise<AddInput> {
  // An empty value is given and empty ("--summary ''" means no summary, and no question about it).
  const str = (k: string) => (typeof opts[k] === 'string' ? (opts[k] as string).trim() : undefined);
  const list = (k: string) => (opts[k] as string[] | undefined)?.map((v) => v.trim()).filter(Boolean);
  const input: AddInput = { title: str('title'), location: str('location'), partners: list('partner'), people: list('person'), tags: list('tag'), summary: str('summary'), translationKey: str('translationKey') };
  if (opts.date !== undefined) {
    const d = parseDate(String(opts.date));
    if (!d.ok) throw usageError(`--date ${JSON.stringify(opts.date)} ${d.problem === 'impossible' ? 'is not a day of the calendar' : 'cannot be read as a date'}`, 'write YYYY-MM-DD or D.M.YYYY (day first)');
    input.date = d.date;
  }
  if (typeof opts.event === 'string' && !opts.event.trim()) input.event = null;
  else if (opts.event !== undefined) {
    const r = parseRange(String(opts.event));
    if (!r.ok) throw usageError(`--event ${JSON.stringify(opts.event)} cannot be read as a date or a range`, 'write 15-18.10.2018, 15.10.2018-18.10.2018 or 2018-10-15..2018-10-18');
    if (r.period.end < r.period.start) throw usageError(`--event ends (${r.period.end}) before it starts (${r.period.start})`, 'swap the two dates');
    input.event = r.period;
  }
  if (opts.lang !== undefined && !LANG.test(String(opts.lang))) throw usageError(`--lang ${JSON.stringify(opts.lang)} is not a language code`, 'use a code such as mk, sq or en');
  input.lang = str('lang');
  if (opts.body !== undefined && opts.bodyFile !== undefined) throw usageError('--body and --body-file both give the text', 'use one of them');
  if (opts.body !== undefined) input.body = String(opts.body);
  if (opts.bodyFile === '-') input.body = await readAll(ctx.stdin);
  else if (typeof opts.bodyFile === 'string') {
    const file = path.resolve(ctx.cwd, opts.bodyFile);
    input.body = await fs.readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
      throw new ReleasesError(`cannot read --body-file ${opts.bodyFile}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`, 2, 'give the path of a text file, or - to read the text from stdin', file);
    });
  }
  return input;
}

/** The fields without which no release can be written, each with the flag that gives it. */
export function missingFields(input: AddInput): { field: string; flag: string }[] {
  const missing: { field: string; flag: string }[] = [];
  if (!input.title) missing.push({ field: 'title (--title)', flag: '--title "…"' });
  if (input.body === undefined || !input.body.trim()) missing.push({ field: 'text (--body or --body-file)', flag: '--body-file text.md (or --body-file - to read stdin)' });
  return missing;
}

/** The git repository folder above `dir`, if any (for the `git add` hint). */
function insideGit(dir: string): boolean {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (existsSync(path.join(d, '.git'))) return true;
    if (path.dirname(d) === d) return false;
  }
}

/** `releases add`: a new release, from prompts on a terminal or from flags in a script. */
export function register(program: Command, ctx: Context): void {
  const cmd = program
    .command('add')
    .description('add a release: asks on a terminal for what the flags do not give')
    .option('--title <text>', 'the headline')
    .option('--date <date>', 'publication date, YYYY-MM-DD or D.M.YYYY (default: today)')
    .option('--event <dates>', 'event dates: one day, 15-18.10.2018, 15.10.2018-18.10.2018 or 2018-10-15..2018-10-18 ("" for none)')
    .option('--location <place>', 'where the event took place')
    .option('--partner <name>', 'partner organisation (repeatable)', collect)
    .option('--person <name>', 'person named in the release (repeatable)', collect)
    .option('--tag <tag>', 'tag (repeatable)', collect)
    .option('--lang <code>', 'language code (default: the archive\'s)')
    .option('--summary <text>', 'one or two sentences')
    .option('--translation-key <key>', 'shared by the versions of one release in other languages')
    .option('--body <text>', 'the text of the release (Markdown)')
    .option('--body-file <file>', 'read the text from a file, or from stdin with -')
    .option('--edit', 'edit the text in $VISUAL / $EDITOR before writing')
    .option('--dry-run', 'print the path and the file, write nothing')
    .option('--no-input', 'never prompt: fail (exit 2) when a field is missing')
    .addOption(formatOption(['text', 'json'], 'text'));
  addArchiveOption(cmd);
  cmd.addHelpText('after', `
Examples:
  releases add                                   # asks for everything on a terminal
  releases add --title "Средба во Скопје" --date 15.10.2018 --partner osce --body-file text.md
  echo "Text." | releases add --title "Meeting" --body-file - --no-input --format json
  releases add --title "Test" --body "Text." --dry-run`);
  cmd.action(async (opts) => {
    const given = await readFlags(opts, ctx);
    const [{ createRelease }, { withAddTarget }] = await Promise.all([import('../add-release.js'), import('../add-target.js')]);
    const dir = ctx.archiveDir(opts.archive);
    const interactive = opts.input !== false && opts.bodyFile !== '-' && (await import('../prompts.js')).canPrompt(ctx);
    if (!existsSync(dir)) await (await import('../../core/archive.js')).assertArchiveDir(dir);
    const missing = missingFields(given);
    if (!interactive && missing.length) {
      const them = missing.length > 1 ? 'them' : 'it';
      throw usageError(`missing ${missing.map((m) => m.field).join(' and ')}: without a terminal (or with --no-input) releases add cannot ask for ${them}`, `give ${them} as flags: ${missing.map((m) => m.flag).join(' ')}`);
    }
    // Through the index: the ids taken and the settings, without reading every release.
    await withAddTarget(ctx, dir, async (target) => {
      let input = given;
      if (interactive) input = await (await import('../prompts.js')).askMissing(given, await target.archive(), ctx, today(ctx.now));
      if (opts.edit) {
        const editor = ctx.env.VISUAL || ctx.env.EDITOR || 'vi';
        input.body = await (await import('../prompts.js')).editBody(ctx, editor, input.body ?? '');
      }
      await createRelease(ctx, target, input, { interactive, dryRun: Boolean(opts.dryRun), format: opts.format, gitHint: insideGit(dir) });
    });
  });
}
