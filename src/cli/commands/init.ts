import path from 'node:path';
import type { Command } from 'commander';
import { usageError } from '../../core/errors.js';
import { isLangCode, LANG_HINT } from '../../core/lang.js';
import { shownPath } from '../../core/paths.js';
import type { Context } from '../context.js';

/** Asks for the archive's name and language on a terminal; Ctrl-C ends with exit 130. */
async function askSettings(ctx: Context, given: { name?: string; lang?: string }): Promise<{ name: string; lang: string }> {
  const { askText, promptStreams } = await import('../prompts.js');
  const io = promptStreams(ctx);
  const name =
    given.name ?? (await askText(io, "Name of the archive (the site's title)", { validate: (v) => (v ? undefined : 'give it a name') }));
  const lang =
    given.lang ??
    (await askText(io, 'Default language of the releases', {
      initialValue: 'mk',
      validate: (v) => (isLangCode(v) ? undefined : LANG_HINT),
    }));
  return { name, lang };
}

/** `releases init [DIR]`: a new archive folder with settings and an empty partner registry. */
export function register(program: Command, ctx: Context): void {
  const cmd = program
    .command('init')
    .description('create an archive folder with archive.yml and an empty partners.yml')
    .argument('[dir]', 'the folder to create (default: ./archive)')
    .option('--name <name>', "the archive's name (the site's title)")
    .option('--lang <code>', 'the default language of releases, e.g. mk, sq, en')
    .option('--no-input', 'never prompt: use --name and --lang, or their defaults');
  cmd.addHelpText(
    'after',
    `
Examples:
  releases init                                   # asks for the name and language
  releases init press/archive --name "Соопштенија" --lang mk`,
  );
  cmd.action(async (dirArg: string | undefined, opts) => {
    if (opts.lang !== undefined && !isLangCode(opts.lang))
      throw usageError(`--lang ${JSON.stringify(opts.lang)} is not a language code`, `use ${LANG_HINT}`);
    const dir = path.resolve(ctx.cwd, dirArg ?? 'archive');
    const [{ initArchive }, { DEFAULT_SETTINGS }] = await Promise.all([import('../../core/init.js'), import('../../core/config.js')]);
    const interactive = opts.input !== false && (await import('../prompts.js')).canPrompt(ctx);
    const given = { name: opts.name?.trim() || undefined, lang: opts.lang };
    const settings = interactive
      ? await askSettings(ctx, given)
      : { name: given.name ?? DEFAULT_SETTINGS.name, lang: given.lang ?? DEFAULT_SETTINGS.lang };
    const written = await initArchive(dir, settings);
    const shown = shownPath(ctx.cwd, dir);
    for (const file of written) ctx.stdout.write(`${shownPath(ctx.cwd, file)}\n`);
    ctx.stderr.write(
      `created the archive ${shown} (${settings.name}, ${settings.lang}); next: releases add${dirArg ? ` --archive ${shown}` : ''}\n`,
    );
  });
}
