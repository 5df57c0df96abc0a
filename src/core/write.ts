import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ReleasesError, writeError } from './errors.js';
import { isInside } from './paths.js';

/** Where a new file should go: a folder and a name (without `.md`) relative to the archive. */
export interface NewFile {
  folder: string;
  base: string;
  text: string;
  /** Names (without `.md`) that must not be used even if no file has them, e.g. ids taken by an `id:` field. */
  taken?: ReadonlySet<string>;
}

/** Temporary files this module makes: hidden, with a random part, never ending in `.md`. */
const TEMP = /^\..*\.[0-9a-f]{12}\.tmp$/;
/** A temporary file this old was left by a writer that was killed: safe to remove. */
const STALE_MS = 60 * 60 * 1000;

/** Removes temporary files that killed writers left behind in `dir` (best effort). */
async function removeStaleTemps(dir: string): Promise<void> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter((n) => TEMP.test(n))) {
    const file = path.join(dir, name);
    const stats = await fs.stat(file).catch(() => null);
    if (stats && Date.now() - stats.mtimeMs > STALE_MS) await fs.unlink(file).catch(() => undefined);
  }
}

/** How many `-N` suffixes are tried before giving up: far more than any day's releases. */
const MAX_TRIES = 1000;

function cannotWrite(target: string, e: unknown): ReleasesError {
  return writeError(target, e, 'nothing was written');
}

/** The folder a new file goes in, made if needed, refused when it would lead outside the archive. */
export async function targetFolder(archiveDir: string, folder: string): Promise<string> {
  const root = await fs.realpath(archiveDir);
  const wanted = path.resolve(root, folder);
  if (!isInside(root, wanted))
    throw new ReleasesError(`refusing to write to ${wanted}: it is outside the archive ${archiveDir}`, 1, 'nothing was written', wanted);
  await fs.mkdir(wanted, { recursive: true }).catch((e) => {
    throw cannotWrite(wanted, e);
  });
  // A symbolic link inside the archive may still point out of it.
  const real = await fs.realpath(wanted);
  if (!isInside(root, real))
    throw new ReleasesError(
      `refusing to write to ${real}: ${folder} leads outside the archive ${archiveDir}`,
      1,
      'replace the symbolic link with a real folder; nothing was written',
      wanted,
    );
  return real;
}

/**
 * Writes a new file without ever replacing one, and without ever leaving a partial file:
 * the text goes to a hidden temporary file in the target folder first, then is hard-linked
 * to `base.md`, `base-2.md`, `base-3.md`… — `link` fails when the name exists, so the first
 * free name is decided atomically even with many writers at once. The temporary file is
 * always removed. Returns the new file's path relative to the archive, with `/`.
 */
export async function writeNewFile(archiveDir: string, file: NewFile): Promise<string> {
  const dir = await targetFolder(archiveDir, file.folder);
  // Starts with "." and does not end in .md, so the loader never takes it for a release.
  const temp = path.join(dir, `.${file.base.slice(0, 40)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temp, 'wx', 0o644).catch((e) => {
    throw cannotWrite(dir, e);
  });
  try {
    try {
      await handle.writeFile(file.text, 'utf8');
      await handle.sync();
    } catch (e) {
      throw cannotWrite(temp, e);
    } finally {
      await handle.close();
    }
    for (let n = 1; n <= MAX_TRIES; n++) {
      const name = n === 1 ? file.base : `${file.base}-${n}`;
      if (file.taken?.has(name)) continue;
      try {
        await fs.link(temp, path.join(dir, `${name}.md`));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw cannotWrite(path.join(dir, `${name}.md`), e);
      }
      await removeStaleTemps(dir);
      return path
        .relative(await fs.realpath(archiveDir), path.join(dir, `${name}.md`))
        .split(path.sep)
        .join('/');
    }
    throw new ReleasesError(
      `${MAX_TRIES} files named ${file.base}*.md already exist in ${dir}`,
      1,
      'give the release another title; nothing was written',
      dir,
    );
  } finally {
    await fs.unlink(temp).catch(() => undefined);
  }
}
