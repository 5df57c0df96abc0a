import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { today } from '../../core/dates.js';
import { usageError } from '../../core/errors.js';
import { missingFields, readAddFlags } from '../add/input.js';
import type { Context } from '../context.js';
import { addArchiveOption, collect, formatOption } from '../options.js';

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
    .option('--lang <code>', "language code (default: the archive's)")
    .option('--summary <text>', 'one or two sentences')
    .option('--translation-key <key>', 'shared by the versions of one release in other languages')
    .option('--body <text>', 'the text of the release (Markdown)')
    .option('--body-file <file>', 'read the text from a file, or from stdin with -')
    .option('--attach <file>', "copy a file (photo, PDF…) into the release's folder and link it from the text (repeatable)", collect)
    .option('--alt <text>', 'alt text of an attached picture: the first --alt for the first picture, and so on (repeatable)', collect)
    .option('--edit', 'edit the text in $VISUAL / $EDITOR before writing')
    .option('--dry-run', 'print the path and the file, write nothing')
    .option('--no-input', 'never prompt: fail (exit 2) when a field is missing')
    .addOption(formatOption(['text', 'json'], 'text'));
  addArchiveOption(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  releases add                                   # asks for everything on a terminal
  releases add --title "Средба во Скопје" --date 15.10.2018 --partner osce --body-file text.md
  echo "Text." | releases add --title "Meeting" --body-file - --no-input --format json
  releases add --title "Test" --body "Text." --dry-run
  releases add --title "Opening" --body "Text." --attach photo.jpg --alt "The minister at the opening" --attach statement.pdf`,
  );
  cmd.action(async (opts) => {
    const given = await readAddFlags(opts, ctx);
    const [{ createRelease }, { withAddTarget }] = await Promise.all([import('../add/create.js'), import('../add/target.js')]);
    const dir = ctx.archiveDir(opts.archive);
    const interactive = opts.input !== false && opts.bodyFile !== '-' && (await import('../prompts.js')).canPrompt(ctx);
    if (!existsSync(dir)) await (await import('../../core/archive.js')).assertArchiveDir(dir);
    const missing = missingFields(given);
    if (!interactive && missing.length) {
      const them = missing.length > 1 ? 'them' : 'it';
      throw usageError(
        `missing ${missing.map((m) => m.field).join(' and ')}: without a terminal (or with --no-input) releases add cannot ask for ${them}`,
        `give ${them} as flags: ${missing.map((m) => m.flag).join(' ')}`,
      );
    }
    // Through the index: the ids taken and the settings, without reading every release.
    await withAddTarget(ctx, dir, async (target) => {
      let input = given;
      if (interactive) input = await (await import('../add/ask.js')).askMissing(given, await target.archive(), ctx, today(ctx.now));
      if (interactive) input.attachments = await (await import('../add/attach.js')).askAttachments(ctx, input.attachments);
      if (opts.edit) {
        const editor = ctx.env.VISUAL || ctx.env.EDITOR || 'vi';
        input.body = await (await import('../prompts.js')).editBody(ctx, editor, input.body ?? '');
      }
      const { confirmWrite } = await import('../prompts.js');
      const confirm = interactive ? (where: string, text: string) => confirmWrite(ctx, where, text) : undefined;
      await createRelease(ctx, target, input, { confirm, dryRun: Boolean(opts.dryRun), format: opts.format, gitHint: insideGit(dir) });
    });
  });
}
