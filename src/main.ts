import { CommanderError } from 'commander';
import { createContext, type Io } from './cli/context.js';
import { createProgram } from './cli/program.js';
import { ReleasesError, systemReason } from './core/errors.js';
import { styler } from './render/style.js';
import { printable } from './render/width.js';

function processIo(): Io {
  // A reader that goes away early (`releases --help | head`) is not an error: stop quietly
  // instead of dying with a stack trace from an unhandled 'error' event.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
    });
  }
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    // On first use: making the stdin stream loads net, tty and readline, and only add reads it.
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
    now: new Date(),
  };
}

function systemTrouble(err: (NodeJS.ErrnoException & { dest?: string }) | undefined): { message: string; hint: string } | null {
  const known = systemReason(err);
  if (!known) return null;
  // Node names the file for open/rename/mkdir, not for a write to an open file.
  const where = err!.path ? ` ${err!.path}${err!.dest ? ` → ${err!.dest}` : ''}` : '';
  return { message: `cannot ${err!.syscall ?? 'write'}${where}: ${known[0]} (${err!.code})`, hint: known[1] };
}

/**
 * Runs the CLI with `argv` (without `node` and the script) and returns the exit code.
 * The only place where errors become exit codes: 0 done, 1 could not do the work, 2 bad usage.
 */
export async function run(argv: string[], io: Io = processIo()): Promise<number> {
  const ctx = createContext(io);
  const s = styler(ctx.color.stderr);
  try {
    const program = await createProgram(ctx, argv);
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof ReleasesError) {
      io.stderr.write(`${s.error('error')} ${printable(e.message)}\n`);
      if (e.hint) io.stderr.write(`  ${s.hint(printable(e.hint))}\n`);
      return e.exitCode;
    }
    const err = e as NodeJS.ErrnoException & { dest?: string };
    if (err?.code === 'EPIPE') return ctx.exitCode;
    const system = systemTrouble(err);
    if (system) {
      io.stderr.write(`${s.error('error')} ${system.message}\n  ${s.hint(system.hint)}\n`);
      return 1;
    }
    io.stderr.write(`${s.error('error')} ${err?.message ?? String(e)}\n`);
    io.stderr.write(
      `  ${s.hint('this is a bug in releases: please report it with the command you ran (RELEASES_DEBUG=1 shows details)')}\n`,
    );
    if (io.env.RELEASES_DEBUG) io.stderr.write(`${err?.stack}\n`);
    return 1;
  }
}
