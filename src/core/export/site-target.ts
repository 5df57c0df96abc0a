import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ReleasesError } from '../errors.js';
import { isInside } from '../paths.js';
import { MARKER } from './old-site.js';

/** What `--out` holds: nothing, an empty folder, or an earlier export. */
export type TargetState = 'absent' | 'empty' | 'previous';

async function realOrResolved(p: string): Promise<string> {
  // The nearest existing ancestor decides where a path really is (symbolic links resolved).
  let head = path.resolve(p);
  const tail: string[] = [];
  for (;;) {
    const real = await fs.realpath(head).catch(() => null);
    if (real) return path.join(real, ...tail.reverse());
    const parent = path.dirname(head);
    if (parent === head) return path.resolve(p);
    tail.push(path.basename(head));
    head = parent;
  }
}

/** True when `p` is `dir` or lies below it, symbolic links resolved (for paths not yet created too). */
export async function pathInside(p: string, dir: string): Promise<boolean> {
  return isInside(await realOrResolved(dir), await realOrResolved(p));
}

/** Says whether `out` may receive a site; refuses (touching nothing) when it may not. */
export async function checkSiteTarget(out: string, archiveDir: string): Promise<TargetState> {
  const real = await realOrResolved(out);
  const archive = await realOrResolved(archiveDir);
  if (path.dirname(real) === real)
    throw new ReleasesError(`--out ${out} is the root folder: refusing to export there`, 1, 'pass a folder of its own, e.g. --out site');
  if (isInside(archive, real))
    throw new ReleasesError(
      `--out ${out} is inside the archive folder ${archiveDir}: the site's pages would be read back as releases`,
      1,
      'write the site outside the archive, e.g. --out site',
      out,
    );
  if (isInside(real, archive))
    throw new ReleasesError(
      `--out ${out} holds the archive folder ${archiveDir}: refusing to replace it`,
      1,
      'write the site into a folder of its own, e.g. --out site',
      out,
    );
  const stats = await fs.lstat(out).catch(() => null);
  if (!stats) return 'absent';
  if (!stats.isDirectory())
    throw new ReleasesError(
      `--out ${out} exists and is not a folder: nothing was written`,
      1,
      'pass a new or empty folder, or an earlier export',
      out,
    );
  const names = await fs.readdir(out);
  if (names.length === 0) return 'empty';
  if (names.includes(MARKER)) return 'previous';
  throw new ReleasesError(
    `--out ${out} is not empty and holds no earlier export (no ${MARKER} file): nothing was touched`,
    1,
    'pass a new or empty folder, or the folder of an earlier export',
    out,
  );
}
