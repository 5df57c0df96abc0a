import { lstatSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { isInside } from '../paths.js';

/** Why a referenced file cannot belong to its release. */
export type Refusal = {
  ok: false;
  code: 'media-outside' | 'media-hidden' | 'media-missing' | 'media-not-file';
  message: string;
  hint: string;
};

const OUTSIDE_HINT = 'copy the file into the archive, next to the release, and refer to it by its name';

/**
 * Where a path written in a release points, relative to the archive folder (`/`
 * separators): resolved against the release's own folder. Pure: refuses absolute paths,
 * paths that climb out of the archive, and hidden names (`.env`, `.git/…`), which are
 * never published.
 */
export function placeRef(releasePath: string, target: string): { ok: true; path: string } | Refusal {
  if (/^[/\\]/.test(target) || /^[a-zA-Z]:[/\\]/.test(target)) {
    return {
      ok: false,
      code: 'media-outside',
      message: `"${target}" is an absolute path, not a file of the archive: it is never published`,
      hint: `${OUTSIDE_HINT}; paths are relative to the release's folder (a path from a former site's root, /assets/…, needs that file copied into the archive)`,
    };
  }
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(releasePath), target));
  if (joined === '..' || joined.startsWith('../')) {
    return {
      ok: false,
      code: 'media-outside',
      message: `"${target}" leads outside the archive: files outside it are never published`,
      hint: OUTSIDE_HINT,
    };
  }
  if (joined.split('/').some((part) => part.startsWith('.'))) {
    return {
      ok: false,
      code: 'media-hidden',
      message: `"${target}" names a hidden file or folder: it is never published`,
      hint: 'rename it without the leading dot',
    };
  }
  return { ok: true, path: joined };
}

/** A referenced file as found on disk: its real path (inside the archive) and what `stat` says. */
export interface FoundMedia {
  ok: true;
  /** Archive-relative path, as referenced (symbolic links not resolved). */
  path: string;
  /** The real path: every symbolic link resolved, checked to lie inside the archive. */
  absolute: string;
  bytes: number;
  mtimeMs: number;
  dev: number;
  ino: number;
}

/**
 * Looks up an archive-relative path below `root` (the archive folder's real path): missing,
 * a symbolic link that leads out of the archive, or not a regular file are refusals.
 */
export function inspectMedia(root: string, rel: string): FoundMedia | Refusal {
  const joined = path.join(root, rel);
  let real: string;
  try {
    real = realpathSync(joined);
  } catch {
    const link = lstatSync(joined, { throwIfNoEntry: false })?.isSymbolicLink();
    return {
      ok: false,
      code: 'media-missing',
      message: link ? `${rel} is a symbolic link that leads nowhere` : `${rel} does not exist`,
      hint: "check the name (letters' case counts) or copy the file next to the release",
    };
  }
  if (!isInside(root, real)) {
    return {
      ok: false,
      code: 'media-outside',
      message: `${rel} is a symbolic link to a file outside the archive: it is never published`,
      hint: `replace the link with a copy of the file`,
    };
  }
  if (
    path
      .relative(root, real)
      .split(path.sep)
      .some((part) => part.startsWith('.'))
  ) {
    return {
      ok: false,
      code: 'media-hidden',
      message: `${rel} is a symbolic link to a hidden file or folder: it is never published`,
      hint: 'link to a file whose name does not start with a dot',
    };
  }
  const stats = statSync(real, { throwIfNoEntry: false });
  if (!stats?.isFile()) {
    return {
      ok: false,
      code: 'media-not-file',
      message: `${rel} is ${stats?.isDirectory() ? 'a folder' : 'not a regular file'}, not a file that can be published`,
      hint: 'refer to a file',
    };
  }
  return { ok: true, path: rel, absolute: real, bytes: stats.size, mtimeMs: stats.mtimeMs, dev: stats.dev, ino: stats.ino };
}
