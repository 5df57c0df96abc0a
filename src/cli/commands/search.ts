import type { Command } from 'commander';
import { usageError } from '../../core/errors.js';
import { pipeChunks } from '../../core/pipe.js';
import { highlighter } from '../../core/search/plan.js';
import { searchArchive } from '../../core/store/session.js';
import { searchFormats, withSnippets } from '../../render/search.js';
import type { Context } from '../context.js';
import { fastStamp } from '../fast-stat.js';
import { reportSkipped } from '../skipped.js';
import {
  addArchiveOption,
  addCacheDirOption,
  readCacheDir,
  addFilterOptions,
  formatOption,
  readFilters,
  readLimit,
  stdoutTarget,
} from '../options.js';
import { styler } from '../../render/style.js';

const FORMATS = ['table', 'json', 'ndjson'];
/** A terminal shows the best few; json and ndjson carry every hit unless --limit says otherwise. */
const TABLE_LIMIT = 20;

/** `releases search QUERY`: ranked full-text search with snippets. */
export function register(program: Command, ctx: Context): void {
  const cmd = program
    .command('search')
    .description('search titles, partners, people, tags, places, summaries and text; best match first')
    .argument('<query...>', 'words, "phrases", -exclude, partner: tag: person: lang: year: terms')
    .option('--limit <n>', `show at most N hits (default: ${TABLE_LIMIT} in a table, all in json/ndjson)`)
    .addOption(formatOption(FORMATS, 'table'))
    // `-word` excludes a word: commander would take it for an unknown option.
    .allowUnknownOption();
  addFilterOptions(cmd);
  addArchiveOption(cmd);
  addCacheDirOption(cmd);
  cmd.addHelpText(
    'after',
    `
Search ignores case, diacritics and script (sorabotka finds соработка, petrevski finds
Петревски), finds inflected forms (соработка finds соработката) and small typos, and
expands partner names through partners.yml (ОБСЕ finds "OSCE Mission to Skopje").

Examples:
  releases search соработка
  releases search '"насилен екстремизам"' -конференција --from 2018
  releases search partner:osce year:2018 lang:mk
  releases search bashkepunim --format json | jq '.[].snippet.text'`,
  );
  cmd.action(async (words: string[], opts) => {
    const unknown = words.find((w) => w.startsWith('--'));
    if (unknown)
      throw usageError(
        `unknown option ${unknown}`,
        'run releases search --help for the options; to search for words starting with --, quote the whole query after --',
      );
    if (!words.join('').trim())
      throw usageError('the query is empty', 'give words to search for (releases search соработка), or list releases with releases list');
    const filters = readFilters(opts);
    const limit = readLimit(opts.limit) ?? (opts.format === 'table' ? TABLE_LIMIT : undefined);
    const dir = ctx.archiveDir(opts.archive);
    const target = stdoutTarget(ctx, dir);
    const query = words.join(' ');
    const run = await searchArchive(dir, query, filters, limit, {
      cacheDir: readCacheDir(ctx, opts.cacheDir),
      env: ctx.env,
      stamp: fastStamp(),
    });
    reportSkipped(ctx, run.warnings, run.skipped, target.prefix);
    const s = styler(ctx.color.stderr);
    const { hits, total, suggestions, plan } = run.outcome;
    await pipeChunks(
      searchFormats[opts.format as keyof typeof searchFormats](withSnippets(hits, highlighter(plan)), target),
      ctx.stdout as never,
    );
    if (total === 0) {
      ctx.stderr.write(`no release matches ${JSON.stringify(query)}\n`);
      if (suggestions.length) ctx.stderr.write(`  ${s.hint(`closest words in the archive: ${suggestions.join(', ')}`)}\n`);
    } else if (opts.format === 'table' || hits.length < total) {
      ctx.stderr.write(
        hits.length < total ? `${hits.length} of ${total} matching release(s): --limit N shows more\n` : `${total} matching release(s)\n`,
      );
    }
  });
}
