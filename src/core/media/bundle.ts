import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { ReleasesError, writeError } from '../errors.js';
import { targetFolder, type NewFile } from '../write.js';

/** A file to copy into a new release folder, under a name already made safe. */
export interface BundleFile {
  /** Absolute path of the file to copy. */
  source: string;
  name: string;
}

/** Temporary folders this module makes: hidden, with a random part. */
const TEMP = /^\..*\.[0-9a-f]{12}\.tmp$/;
const STALE_MS = 60 * 60 * 1000;
const MAX_TRIES = 1000;

/** Removes temporary folders that killed writers left behind (best effort). */
async function removeStaleFolders(dir: string): Promise<void> {
  for (const e of await fs.readdir(dir, { withFileTypes: true }).catch(() => [])) {
    if (!e.isDirectory() || !TEMP.test(e.name)) continue;
    const stats = await fs.stat(path.join(dir, e.name)).catch(() => null);
    if (stats && Date.now() - stats.mtimeMs > STALE_MS)
      await fs.rm(path.join(dir, e.name), { recursive: true, force: true }).catch(() => undefined);
  }
}

async function writeSynced(file: string, write: () => Promise<void>): Promise<void> {
  await write();
  const handle = await fs.open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes a new release kept as a folder, `folder/base/index.md` with its files, without
 * ever replacing anything and without ever leaving a partial folder: everything is written
 * and synced in a hidden temporary folder first (the loader skips it), then a free name is
 * claimed with `mkdir` (which fails when the name exists, so concurrent writers never meet)
 * and the temporary folder is renamed onto that empty folder in one step. A kill before the
 * rename leaves at most an empty folder. Returns the path of `index.md` relative to the archive.
 */
export async function writeNewBundle(archiveDir: string, file: NewFile, files: BundleFile[]): Promise<string> {
  const dir = await targetFolder(archiveDir, file.folder);
  const temp = path.join(dir, `.${file.base.slice(0, 40)}.${randomBytes(6).toString('hex')}.tmp`);
  const fail = (target: string, e: unknown) => writeError(target, e, 'nothing was written');
  await fs.mkdir(temp).catch((e) => {
    throw fail(dir, e);
  });
  try {
    try {
      await writeSynced(path.join(temp, 'index.md'), () =>
        fs.writeFile(path.join(temp, 'index.md'), file.text, { encoding: 'utf8', flag: 'wx' }),
      );
      for (const f of files)
        await writeSynced(path.join(temp, f.name), () => fs.copyFile(f.source, path.join(temp, f.name), constants.COPYFILE_EXCL));
    } catch (e) {
      throw fail(temp, e);
    }
    for (let n = 1; n <= MAX_TRIES; n++) {
      const name = n === 1 ? file.base : `${file.base}-${n}`;
      if (file.taken?.has(name)) continue;
      const target = path.join(dir, name);
      if (await fs.lstat(`${target}.md`).catch(() => null)) continue;
      try {
        await fs.mkdir(target);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw fail(target, e);
      }
      await fs.rename(temp, target).catch(async (e) => {
        await fs.rmdir(target).catch(() => undefined);
        throw fail(target, e);
      });
      await removeStaleFolders(dir);
      return path
        .relative(await fs.realpath(archiveDir), path.join(target, 'index.md'))
        .split(path.sep)
        .join('/');
    }
    throw new ReleasesError(
      `${MAX_TRIES} releases named ${file.base}* already exist in ${dir}`,
      1,
      'give the release another title; nothing was written',
      dir,
    );
  } finally {
    await fs.rm(temp, { recursive: true, force: true }).catch(() => undefined);
  }
}
