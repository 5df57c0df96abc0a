import { promises as fs } from 'node:fs';
import path from 'node:path';

/** The file that marks a folder as written by `releases export`; it lists every file written. */
export const MARKER = '.releases-export';
/** Marks an old site being cleared after a swap: it is never put back in place. */
const RETIRING = '.releases-retiring';

async function listedFiles(dir: string): Promise<string[]> {
  const text = await fs.readFile(path.join(dir, MARKER), 'utf8').catch(() => '');
  try {
    // Only the list of files is parsed when the marker has its usual layout (one item a line:
    // a JSON string holds no raw newline), not the stamps beside it (207k more strings at 100k releases).
    const from = text.indexOf('\n "files": [');
    const to = from < 0 ? -1 : text.indexOf('\n ]', from);
    let files: unknown;
    try {
      files = JSON.parse(text.slice(from + 11, to + 3));
    } catch {
      files = (JSON.parse(text) as { files?: unknown }).files;
    }
    return Array.isArray(files) ? files.filter((f): f is string => typeof f === 'string' && !f.split('/').includes('..')) : [];
  } catch {
    return [];
  }
}

/**
 * Visits every file below `dir`/`rel` (paths with `/` separators), then gives the folders,
 * deepest first. The names are not kept: an old site at 100k releases holds 207k files.
 */
async function walk(dir: string, visit: (file: string) => Promise<void> | void, rel = ''): Promise<string[]> {
  const dirs: string[] = [];
  for (const e of await fs.readdir(path.join(dir, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) dirs.push(...(await walk(dir, visit, p)), p);
    else await visit(p);
  }
  return dirs;
}

/**
 * Gives the new site the files the user added to the old one (a `CNAME`, say) before the
 * swap, as hard links (copies where links fail), so that no moment exists at which the
 * site in place lacks them. Files the new site writes itself stay with the old one.
 */
export async function carryOver(old: string, fresh: string): Promise<{ carried: string[]; conflicts: boolean }> {
  const ours = new Set([...(await listedFiles(old)), MARKER]);
  const carried: string[] = [];
  let conflicts = false;
  await walk(old, async (f) => {
    if (ours.has(f)) return;
    const dest = path.join(fresh, f);
    if (await fs.lstat(dest).catch(() => null)) {
      conflicts = true;
      return;
    }
    await fs.mkdir(path.dirname(dest), { recursive: true });
    await fs.link(path.join(old, f), dest).catch(() => fs.cp(path.join(old, f), dest, { verbatimSymlinks: true }));
    carried.push(f);
  });
  return { carried, conflicts };
}

/** Clears a replaced export: deletes the files it lists and the user's files already carried over. */
export async function retire(old: string, carried: string[], conflicts: boolean): Promise<string | null> {
  // Marked first, so that a run killed while clearing it never takes this part of a site back.
  await fs.writeFile(path.join(old, RETIRING), '');
  const gone = new Set([...(await listedFiles(old)), ...carried, RETIRING]);
  const dirs = await walk(old, (f) => (gone.has(f) ? fs.rm(path.join(old, f), { force: true }) : undefined));
  for (const d of dirs) await fs.rmdir(path.join(old, d)).catch(() => undefined);
  // The marker goes last: a retire cut short by a kill leaves a folder a later run still
  // knows as ours, with the list of what to delete.
  await fs.rm(path.join(old, MARKER), { force: true });
  let left = conflicts;
  if (!left)
    await fs.rmdir(old).catch(() => {
      left = true;
    });
  return left ? old : null;
}

/** Which of a left-over old site's own files (the user's) the site in place already holds. */
async function carriedInto(old: string, out: string): Promise<{ carried: string[]; conflicts: boolean }> {
  const ours = new Set([...(await listedFiles(old)), MARKER, RETIRING]);
  const carried: string[] = [];
  let conflicts = false;
  await walk(old, async (f) => {
    if (ours.has(f)) return;
    const [a, b] = await Promise.all([fs.lstat(path.join(old, f)), fs.lstat(path.join(out, f)).catch(() => null)]);
    const same =
      b !== null &&
      ((a.ino === b.ino && a.dev === b.dev) ||
        (a.isFile() &&
          b.isFile() &&
          a.size === b.size &&
          (await fs.readFile(path.join(old, f))).equals(await fs.readFile(path.join(out, f)))));
    if (same) carried.push(f);
    else conflicts = true;
  });
  return { carried, conflicts };
}

/**
 * Settles old sites that killed runs left next to `out` (always under the lock). A run killed
 * between its two renames left `out` missing: the newest old site is put back. A run killed
 * while clearing its old site left part of it: that part is cleared now, keeping any file of
 * the user's that the site in place does not hold.
 */
export async function settleOlds(out: string): Promise<void> {
  const parent = path.dirname(out);
  const prefix = `.${path.basename(out)}.releases-old-`;
  const olds: { dir: string; mtime: number; whole: boolean }[] = [];
  for (const name of (await fs.readdir(parent)).filter((n) => n.startsWith(prefix))) {
    const dir = path.join(parent, name);
    const marker = await fs.lstat(path.join(dir, MARKER)).catch(() => null);
    if (marker) olds.push({ dir, mtime: marker.mtimeMs, whole: !(await fs.lstat(path.join(dir, RETIRING)).catch(() => null)) });
  }
  // The site that stood at `out` last was written last: its marker is the newest.
  olds.sort((a, b) => b.mtime - a.mtime);
  const back = olds.findIndex((o) => o.whole);
  if (back >= 0 && !(await fs.lstat(out).catch(() => null))) await fs.rename(olds.splice(back, 1)[0]!.dir, out);
  if (!(await fs.lstat(out).catch(() => null))) return;
  for (const { dir } of olds) {
    const { carried, conflicts } = await carriedInto(dir, out);
    await retire(dir, carried, conflicts);
  }
}
