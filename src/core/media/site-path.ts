import { createHash } from 'node:crypto';
import { fileNameParts } from '../slug.js';

const SAFE = /^[a-z0-9][a-z0-9_-]*(\.[a-z0-9]+)?$/;

/** A name safe in any URL and file system: kept when it already is, else slug + a short hash of the name. */
function safeName(name: string): string {
  if (SAFE.test(name) && name.length <= 100) return name;
  const { stem, ext } = fileNameParts(name);
  const tag = createHash('sha1').update(name).digest('hex').slice(0, 8);
  return `${stem}-${tag}${ext ? `.${ext}` : ''}`;
}

/**
 * Where an archive file is published in the site: `media/` and its archive path, each part
 * lower-case ASCII. A part that is not already becomes its slug plus 8 hex digits of its
 * name, so no two names meet (`Фото.JPG` and `foto.jpg`, even on a case-insensitive disk)
 * and the path never depends on which other files are exported.
 */
export function sitePathOf(archivePath: string): string {
  return `media/${archivePath.split('/').map(safeName).join('/')}`;
}
