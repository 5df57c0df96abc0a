/**
 * A command cannot go on. `exitCode` says why: 1 the work could not be done, 2 bad usage.
 * The message says what happened; `hint` says what to do; `file` names the file involved.
 */
export class ReleasesError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 | 130 = 1,
    readonly hint?: string,
    readonly file?: string,
  ) {
    super(message);
    this.name = 'ReleasesError';
  }
}

/** Bad usage: an unknown flag, a value that cannot be read, a missing argument (exit 2). */
export function usageError(message: string, hint?: string): ReleasesError {
  return new ReleasesError(message, 2, hint);
}

/** What the machine, not releases, got wrong: said plainly, with what to do. */
const SYSTEM_ERRORS: Record<string, [string, string]> = {
  ENOSPC: ['the disk is full', 'free some space and run the command again'],
  EDQUOT: ['the disk quota is used up', 'free some space and run the command again'],
  EROFS: ['the file system is read-only', 'write somewhere else'],
  EACCES: ['permission denied', 'check the permissions of the file and its folder'],
  EPERM: ['operation not permitted', 'check the permissions of the file and its folder'],
  EIO: ['an input/output error of the disk', 'check the disk; the files releases wrote before are unchanged'],
  EMFILE: ['too many open files', 'raise the limit (ulimit -n) and run the command again'],
  ENFILE: ['too many open files on the system', 'close some programs and run the command again'],
  ENAMETOOLONG: ['a file name is too long', 'use a shorter path'],
};

/** The plain-words reason and hint for a system error (ENOSPC, EACCES…), or null for others. */
export function systemReason(e: unknown): [reason: string, hint: string] | null {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return (code && SYSTEM_ERRORS[code]) || null;
}

/** "cannot write TARGET: the disk is full" — a failed write, naming what could not be written. */
export function writeError(target: string, e: unknown, unchanged: string): ReleasesError {
  const known = systemReason(e);
  const reason = known ? known[0] : ((e as Error)?.message ?? String(e));
  return new ReleasesError(`cannot write ${target}: ${reason}`, 1, `${known ? `${known[1]}; ` : ''}${unchanged}`, target);
}
