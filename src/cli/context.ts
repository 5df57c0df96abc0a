import { existsSync } from 'node:fs';
import path from 'node:path';

/** Where a command writes: a stream with what is known about the terminal behind it. */
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Where a command reads from (stdin): a stream that may be a terminal. */
export type Input = NodeJS.ReadableStream & { isTTY?: boolean };

/** What the outside world gives a run: streams, environment, folder and clock. */
export interface Io {
  stdout: Output;
  stderr: Output;
  stdin: Input;
  env: Record<string, string | undefined>;
  cwd: string;
  now: Date;
}

/** Everything a command needs, made once per run and passed down: nothing reads `process`. */
export interface Context extends Io {
  /** Whether colour is on for stdout and for stderr. */
  color: { stdout: boolean; stderr: boolean };
  /** The exit code the command asks for when it ends normally (e.g. 1 when `check` finds errors). */
  exitCode: number;
  /** The archive folder: `--archive`, else `RELEASES_ARCHIVE`, else `archive/` here. */
  archiveDir(option?: string): string;
}

/** Colour on a terminal only; `NO_COLOR` always wins; `FORCE_COLOR` turns it on (or off with 0). */
export function colorFor(out: Output, env: Io['env']): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return out.isTTY === true && env.TERM !== 'dumb';
}

/** Makes the context of one run. */
export function createContext(io: Io): Context {
  return {
    ...io,
    color: { stdout: colorFor(io.stdout, io.env), stderr: colorFor(io.stderr, io.env) },
    exitCode: 0,
    archiveDir(option?: string) {
      const given = option ?? io.env.RELEASES_ARCHIVE;
      if (given) return path.resolve(io.cwd, given);
      const here = path.join(io.cwd, 'archive');
      // Run from inside the archive folder itself, it is the archive.
      if (!existsSync(here) && existsSync(path.join(io.cwd, 'archive.yml'))) return io.cwd;
      return here;
    },
  };
}
