import path from 'node:path';
import type { Command } from 'commander';
import { ReleasesError, usageError } from '../../core/errors.js';
import type { Context } from '../context.js';

const LANG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;

/** Asks for the archive's name and language on a terminal; Ctrl-C ends with exit 130. */
async function askSettings(ctx: Context, given: { name?: string; lang?: string }): Promise<{ name: string; lang: string }> {
  const p = await import('@clack/prompts');
  const { Writable } = await import('node:stream');
  const err = ctx.stderr as unknown as import('node:stream').Writable;
  const output = typeof err.on === 'function' ? err : Object.assign(new Writable({ write: (c, _e, done) => void (ctx.stderr.write(String(c)), done()) }), { isTTY: true, columns: 80 });
  const io = { input: ctx.stdin as import('node:stream').Readable, output };
  const answer = (v: string | symbol): string => {
    if (p.isCancel(v) || typeof v !== 'string') throw new ReleasesError('cancelled: nothing was written', 130);
    return v;
  };
  const name = given.name ?? answer(await p.text({ message: 'Name of the archive (the site\'s title)', ...io, validate: (v) => ((v ?? '').trim() ? undefined : 'give it a name') })).trim();
  const lang = given.lang ?? answer(await p.text({ message: 'Default language of the releases', initialValue: 'mk', ...io, validate: (v) => (LANG.test((v ?? '').trim()) ? undefined : 'a code such as mk, sq or en') })).trim();
  return { name, lang };
}

/** `releases init [DIR]`: a new archive folder with settings and an empty partner registry. */
export function register(program: Command, ctx: Context): void {
  const cmd = program
    .command('init')
    .description('create an archive folder with archive.yml and an empty partners.yml')
    .argument('[dir]', 'the folder to create (default: ./archive)')
    .option('--name <name>', 'the archive\'s name (the site\'s title)')
    .option('--lang <code>', 'the default language of releases, e.g. mk, sq, en')
    .option('--no-input', 'never prompt: use --name and --lang, or their defaults');
  cmd.addHelpText('after', `
Examples:
  releases init                                   # asks for the name and language
  releases init press/archive --name "Соопштенија" --lang mk`);
  cmd.action(async (dirArg: string | undefined, opts) => {
    if (opts.lang !== undefined && !LANG.test(opts.lang)) throw usageError(`--lang ${JSON.stringify(opts.lang)} is not a language code`, 'use a code such as mk, sq or en');
    const dir = path.resolve(ctx.cwd, dirArg ?? 'archive');
    const { initArchive } = await import('../../core/init.js');
    const interactive = opts.input !== false && ctx.stdin.isTTY === true && ctx.stderr.isTTY === true;
    const given = { name: opts.name?.trim() || undefined, lang: opts.lang };
    const settings = interactive ? await askSettings(ctx, given) : { name: given.name ?? 'Releases', lang: given.lang ?? 'en' };
    const written = await initArchive(dir, settings);
    const shown = path.relative(ctx.cwd, dir) || '.';
    for (const file of written) ctx.stdout.write(`${path.relative(ctx.cwd, file)}\n`);
    ctx.stderr.write(`created the archive ${shown} (${settings.name}, ${settings.lang}); next: releases add${dirArg ? ` --archive ${shown}` : ''}\n`);
  });
}
