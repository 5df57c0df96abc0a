import type { Command } from 'commander';
import type { Context } from './context.js';

/** Adds one command to the program. */
export type Register = (program: Command, ctx: Context) => void;

/**
 * Every command by name, in the order `--help` lists them. Each module is imported only
 * when a run needs it, so `releases --version` or `releases list` never load the HTML
 * export, the prompts or the search engine.
 */
export const commands: [name: string, load: () => Promise<Register>][] = [
  ['list', async () => (await import('./commands/list.js')).register],
  ['search', async () => (await import('./commands/search.js')).register],
  ['show', async () => (await import('./commands/show.js')).register],
  ['check', async () => (await import('./commands/check.js')).register],
  ['partners', async () => (await import('./commands/partners.js')).register],
  ['add', async () => (await import('./commands/add.js')).register],
  ['init', async () => (await import('./commands/init.js')).register],
  ['export', async () => (await import('./commands/export.js')).register],
  ['index', async () => (await import('./commands/index-command.js')).register],
];

/**
 * The commands a run of `argv` needs: the one it names; none for a bare `--version`;
 * all of them otherwise (help, no command, a mistyped name that commander suggests for).
 */
export async function commandsFor(argv: string[]): Promise<Register[]> {
  const word = argv.find((a) => !a.startsWith('-'));
  const named = word === undefined ? undefined : commands.find(([name]) => name === word);
  if (named) return [await named[1]()];
  if (word === undefined && argv.some((a) => a === '--version' || a === '-V') && !argv.some((a) => a === '--help' || a === '-h')) return [];
  return Promise.all(commands.map(([, load]) => load()));
}
