import type { Command } from 'commander';
import type { Context } from '../context.js';
import { register as add } from './add.js';
import { register as init } from './init.js';
import { register as check } from './check.js';
import { register as exportCommand } from './export.js';
import { register as list } from './list.js';
import { register as partners } from './partners.js';
import { register as show } from './show.js';
import { register as search } from './search.js';
import { register as indexCmd } from './index-cmd.js';

/** Every command, in the order `--help` lists them. */
export const commands: ((program: Command, ctx: Context) => void)[] = [list, search, show, check, partners, add, init, exportCommand, indexCmd];
