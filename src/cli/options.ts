import path from 'node:path';
import { Option, type Command } from 'commander';
import { parsePeriodArg } from '../core/dates.js';
import { usageError } from '../core/errors.js';
import type { Filters } from '../core/filters.js';
import { shownPath } from '../core/paths.js';
import type { RenderTarget } from '../render/formats.js';
import { styler } from '../render/style.js';
import type { Context } from './context.js';

/** Commander's reducer for a repeatable option. */
export const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `--archive DIR`, which every command takes. */
export function addArchiveOption(cmd: Command): Command {
  return cmd.option('--archive <dir>', 'the archive folder (default: $RELEASES_ARCHIVE or ./archive)');
}

/** The filters shared by list, search and export. */
export function addFilterOptions(cmd: Command): Command {
  return cmd
    .option('--from <date>', 'period overlaps from this day (YYYY, YYYY-MM, YYYY-MM-DD or D.M.YYYY)')
    .option('--to <date>', 'period overlaps up to this day (same forms as --from)')
    .option('--partner <name>', 'partner name, alias or registry id (repeatable: all must match)', collect)
    .option('--tag <tag>', 'tag (repeatable: all must match)', collect)
    .option('--person <name>', 'person (repeatable: all must match)', collect)
    .option('--location <place>', 'event location')
    .option('--lang <code>', 'language code, e.g. mk, sq, en');
}

/** `--format` with its choices taken from a renderer map. */
export function formatOption(names: string[], fallback: string): Option {
  return new Option('--format <format>', 'output format').choices(names).default(fallback);
}

/** Reads `--from`/`--to` as periods; an unreadable date is bad usage (exit 2). */
export function readFilters(opts: Record<string, unknown>): Filters {
  const bound = (flag: string, which: 'start' | 'end') => {
    const value = opts[flag] as string | undefined;
    if (value === undefined) return undefined;
    const parsed = parsePeriodArg(value);
    if (!parsed.ok) {
      throw usageError(
        `--${flag} ${JSON.stringify(value)} ${parsed.problem === 'impossible' ? 'is not a day of the calendar' : 'cannot be read as a date'}`,
        'write YYYY, YYYY-MM, YYYY-MM-DD or D.M.YYYY (day first)',
      );
    }
    return parsed.period[which];
  };
  const from = bound('from', 'start');
  const to = bound('to', 'end');
  if (from && to && to < from) throw usageError(`--to ${to} is before --from ${from}`, 'swap the two dates');
  return {
    from,
    to,
    partners: (opts.partner as string[] | undefined) ?? [],
    tags: (opts.tag as string[] | undefined) ?? [],
    people: (opts.person as string[] | undefined) ?? [],
    location: opts.location as string | undefined,
    lang: opts.lang as string | undefined,
  };
}

/** Reads `--limit N` as a positive whole number. */
export function readLimit(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw usageError(`--limit ${JSON.stringify(value)} is not a whole number`, 'write --limit 20');
  return n;
}

/** A render target on stdout, with the width of the terminal (COLUMNS or the tty), if any. */
export function stdoutTarget(ctx: Context, archiveDir: string): RenderTarget {
  const columns = Number(ctx.env.COLUMNS) || ctx.stdout.columns;
  return {
    write: (t) => void ctx.stdout.write(t),
    width: ctx.stdout.isTTY || ctx.env.COLUMNS ? columns || 80 : undefined,
    s: styler(ctx.color.stdout),
    prefix: archivePrefix(ctx, archiveDir),
  };
}

/** What names a path in the archive from the run's working folder when put before it: `archive/`, or nothing inside it. */
export function archivePrefix(ctx: Context, archiveDir: string): string {
  const shown = shownPath(ctx.cwd, archiveDir);
  return shown === '.' ? '' : `${shown.split(path.sep).join('/')}/`;
}

/** `--cache-dir DIR`: where the search index lives (search and index commands). */
export function addCacheDirOption(cmd: Command): Command {
  return cmd.option('--cache-dir <dir>', 'folder of the search index (default: $RELEASES_CACHE_DIR or .releases/ next to the archive)');
}

/** `--cache-dir` as given, taken from the run's working folder (as `--archive` is). */
export function readCacheDir(ctx: Context, given: string | undefined): string | undefined {
  return given === undefined ? undefined : path.resolve(ctx.cwd, given);
}
