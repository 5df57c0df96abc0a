import { constants, copyFileSync, linkSync, lstatSync, unlinkSync } from 'node:fs';

/** A file of the archive to be placed in a site: its real path and the inode that was checked. */
export interface PlacedSource {
  absolute: string;
  dev: number;
  ino: number;
}

/**
 * Puts `source` at `dest` (a new name): a hard link when the file system allows one, else a
 * copy, never replacing anything. Refuses, removing what it made, when what landed is not a
 * regular file or (for a link) not the file that was checked: a file swapped for a symbolic
 * link after `check` never brings anything from outside the archive into the site.
 */
export function linkOrCopy(source: PlacedSource, dest: string): 'linked' | 'copied' {
  let how: 'linked' | 'copied' = 'linked';
  try {
    linkSync(source.absolute, dest);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EMLINK' && code !== 'EOPNOTSUPP') throw e;
    copyFileSync(source.absolute, dest, constants.COPYFILE_EXCL);
    how = 'copied';
  }
  const got = lstatSync(dest);
  if (!got.isFile() || (how === 'linked' && (got.ino !== source.ino || got.dev !== source.dev))) {
    unlinkSync(dest);
    throw new Error(`${source.absolute} changed while the site was written`);
  }
  return how;
}
