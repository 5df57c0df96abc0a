import path from 'node:path';

/** True when `target` is `root` or lies below it (both already resolved). */
export function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  // `..x` is a name like any other; only `..` itself as the first part leads out.
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/**
 * A path as the user sees it from `cwd`: relative when it lies below `cwd` (`.` for `cwd`
 * itself), otherwise absolute, as they would type it.
 */
export function shownPath(cwd: string, target: string): string {
  const abs = path.resolve(cwd, target);
  return isInside(cwd, abs) ? path.relative(cwd, abs) || '.' : abs;
}
