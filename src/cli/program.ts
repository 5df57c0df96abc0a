import { Command } from 'commander';
import { VERSION } from '../core/version.js';
import { styler } from '../render/style.js';
import { commandsFor } from './command-registry.js';
import type { Context } from './context.js';

/**
 * The commander program for a run of `argv`: options and help only; every command lives
 * in its own file, loaded only when `argv` needs it.
 */
export async function createProgram(ctx: Context, argv: string[]): Promise<Command> {
  const s = styler(ctx.color.stderr);
  const program = new Command('releases');
  // Set before any subcommand exists: commander copies these settings into each one.
  program
    .exitOverride()
    .configureOutput({
      writeOut: (t) => void ctx.stdout.write(t),
      writeErr: (t) => void ctx.stderr.write(t),
      outputError: (t, write) => write(`${s.error('error')} ${t.replace(/^error: /, '')}`),
    })
    .showSuggestionAfterError(true)
    .description('A command-line archive for press releases: Markdown files with YAML front matter.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError('(run with --help for usage)');
  for (const register of await commandsFor(argv)) register(program, ctx);
  program.addHelpText(
    'after',
    `
Examples:
  releases list --from 2018 --partner osce
  releases search соработка --lang mk
  releases check --format github
  releases export --format html --out site/`,
  );
  return program;
}
