import { promises as fs } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { ReleasesError } from './errors.js';
import { stringifyFrontMatter } from './create.js';

/** The settings `init` writes into `archive.yml`. */
export interface InitSettings {
  name: string;
  lang: string;
}

/** The text of a new `archive.yml`. */
export function settingsText(s: InitSettings): string {
  return `# Settings of this release archive.\n# name: the archive's title; lang: the default language of releases (a code such as mk, sq, en).\n${stringifyFrontMatter({ name: s.name, lang: s.lang })}# base_url: https://example.org/releases/   # for feeds and links in the exported site\n`;
}

/** The text of a new, empty `partners.yml`: only comments that show how to fill it. */
export const REGISTRY_TEMPLATE = `# Partner registry: each top-level key is a stable ASCII partner id (used in URLs);
# \`name\` is the display name, \`aliases\` lists other names, in any language or script.
# Releases may name a partner by any of them; \`releases partners\` shows what is known.
#
# osce-skopje:
#   name: OSCE Mission to Skopje
#   aliases:
#     - ОБСЕ Мисијата во Скопје
#     - Misioni i OSBE-së në Shkup
#     - OSCE
`;

/** What already makes a folder an archive: `init` touches none of these. */
async function existingArchive(dir: string): Promise<string | null> {
  for (const name of ['archive.yml', 'partners.yml']) {
    if (await fs.lstat(path.join(dir, name)).catch(() => null)) return name;
  }
  const releases = await fg('**/*.md', { cwd: dir, dot: false, onlyFiles: true, deep: 4, suppressErrors: true });
  return releases[0] ?? null;
}

/**
 * Creates an archive folder with `archive.yml` and a commented `partners.yml`. Refuses,
 * writing nothing, when the folder already holds settings, a registry or Markdown files.
 * Returns the files written, as absolute paths.
 */
export async function initArchive(dir: string, settings: InitSettings): Promise<string[]> {
  const stats = await fs.stat(dir).catch(() => null);
  if (stats && !stats.isDirectory())
    throw new ReleasesError(`${dir} exists and is not a folder`, 1, 'choose another folder: releases init DIR; nothing was written', dir);
  if (stats) {
    const found = await existingArchive(dir);
    if (found)
      throw new ReleasesError(
        `${dir} is already an archive (it holds ${found})`,
        1,
        'nothing was changed; edit archive.yml by hand, or run releases init with another folder',
        path.join(dir, found),
      );
  }
  const written: string[] = [];
  try {
    await fs.mkdir(dir, { recursive: true });
    for (const [name, text] of [
      ['archive.yml', settingsText(settings)],
      ['partners.yml', REGISTRY_TEMPLATE],
    ]) {
      const file = path.join(dir, name);
      // "wx": another process that created the file meanwhile wins, and its file is kept.
      await fs.writeFile(file, text, { flag: 'wx' });
      written.push(file);
    }
  } catch (e) {
    for (const file of written) await fs.unlink(file).catch(() => undefined);
    if (e instanceof ReleasesError) throw e;
    const err = e as NodeJS.ErrnoException;
    const why =
      err.code === 'EEXIST'
        ? 'another process created it at the same time'
        : err.code === 'EACCES' || err.code === 'EPERM'
          ? 'permission denied'
          : err.message;
    throw new ReleasesError(
      `cannot create the archive in ${dir}: ${why}`,
      1,
      'check the folder and its permissions; nothing was kept',
      dir,
    );
  }
  return written;
}
