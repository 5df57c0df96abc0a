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
