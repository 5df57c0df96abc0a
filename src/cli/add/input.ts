import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseDate, parseRange } from '../../core/dates.js';
import { ReleasesError, usageError } from '../../core/errors.js';
import { isLangCode, LANG_HINT } from '../../core/lang.js';
import type { CalendarDate, Period } from '../../core/types.js';
import type { Attachment } from '../../core/media/attach.js';
import type { Context } from '../context.js';
import { readAttachments } from './attach.js';

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
  /** Files to copy into the release's folder (`--attach`). */
  attachments?: Attachment[];
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads `add`'s flags into an `AddInput`; a value that cannot be read is bad usage (exit 2). */
export async function readAddFlags(opts: Record<string, unknown>, ctx: Context): Promise<AddInput> {
  // An empty value is given and empty ("--summary ''" means no summary, and no question about it).
  const str = (k: string) => (typeof opts[k] === 'string' ? (opts[k] as string).trim() : undefined);
  const list = (k: string) => (opts[k] as string[] | undefined)?.map((v) => v.trim()).filter(Boolean);
  const input: AddInput = {
    title: str('title'),
    location: str('location'),
    partners: list('partner'),
    people: list('person'),
    tags: list('tag'),
    summary: str('summary'),
    translationKey: str('translationKey'),
  };
  if (opts.date !== undefined) {
    const d = parseDate(String(opts.date));
    if (!d.ok)
      throw usageError(
        `--date ${JSON.stringify(opts.date)} ${d.problem === 'impossible' ? 'is not a day of the calendar' : 'cannot be read as a date'}`,
        'write YYYY-MM-DD or D.M.YYYY (day first)',
      );
    input.date = d.date;
  }
  if (typeof opts.event === 'string' && !opts.event.trim()) input.event = null;
  else if (opts.event !== undefined) {
    const r = parseRange(String(opts.event));
    if (!r.ok)
      throw usageError(
        `--event ${JSON.stringify(opts.event)} cannot be read as a date or a range`,
        'write 15-18.10.2018, 15.10.2018-18.10.2018 or 2018-10-15..2018-10-18',
      );
    if (r.period.end < r.period.start)
      throw usageError(`--event ends (${r.period.end}) before it starts (${r.period.start})`, 'swap the two dates');
    input.event = r.period;
  }
  if (opts.lang !== undefined && !isLangCode(String(opts.lang)))
    throw usageError(`--lang ${JSON.stringify(opts.lang)} is not a language code`, `use ${LANG_HINT}`);
  input.lang = str('lang');
  if (opts.body !== undefined && opts.bodyFile !== undefined)
    throw usageError('--body and --body-file both give the text', 'use one of them');
  if (opts.body !== undefined) input.body = String(opts.body);
  if (opts.bodyFile === '-') input.body = await readAll(ctx.stdin);
  else if (typeof opts.bodyFile === 'string') {
    const file = path.resolve(ctx.cwd, opts.bodyFile);
    input.body = await fs.readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
      throw new ReleasesError(
        `cannot read --body-file ${opts.bodyFile}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`,
        2,
        'give the path of a text file, or - to read the text from stdin',
        file,
      );
    });
  }
  const attach = opts.attach as string[] | undefined;
  if (attach?.length) input.attachments = readAttachments(ctx, attach, opts.alt as string[] | undefined);
  else if ((opts.alt as string[] | undefined)?.length)
    throw usageError('--alt without --attach', 'give --attach photo.jpg --alt "what it shows"');
  return input;
}

/** The fields without which no release can be written, each with the flag that gives it. */
export function missingFields(input: AddInput): { field: string; flag: string }[] {
  const missing: { field: string; flag: string }[] = [];
  if (!input.title) missing.push({ field: 'title (--title)', flag: '--title "…"' });
  if (input.body === undefined || !input.body.trim())
    missing.push({ field: 'text (--body or --body-file)', flag: '--body-file text.md (or --body-file - to read stdin)' });
  return missing;
}
