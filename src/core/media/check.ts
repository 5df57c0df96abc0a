import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Issue } from '../types.js';
import { MediaLibrary } from './library.js';
import { findBodyRefs, findFieldRef } from './refs.js';
import { placeRef } from './resolve.js';
import { LARGE_BYTES } from './types.js';

/** What `check` needs to know of a release to check its media. */
export interface MediaSubject {
  path: string;
  bodyLine: number;
  /** The `image:` field as read. */
  image: unknown;
}

const isBundle = (releasePath: string) => /(^|\/)index\.md$/i.test(releasePath);

/** The lines of a release file, as the parser saw them (byte-order mark and CRLF removed). */
function fileLines(absolute: string): string[] {
  try {
    return readFileSync(absolute, 'utf8')
      .replace(/^\ufeff/, '')
      .replace(/\r\n?/g, '\n')
      .split('\n');
  } catch {
    return [];
  }
}

/** Every file below a release folder that could be media: no hidden or `_` names, no `.md`, no nested release folder. */
function bundleFiles(root: string, folder: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    const entries = readdirSync(path.join(root, rel), { withFileTypes: true });
    if (rel !== folder && entries.some((e) => e.name.toLowerCase() === 'index.md')) return;
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name.startsWith('_')) continue;
      const child = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(child);
      else if (!/\.md$/i.test(e.name)) out.push(child);
    }
  };
  try {
    walk(folder);
  } catch {
    // A folder that cannot be read holds nothing to warn about.
  }
  return out;
}

/**
 * The media problems of an archive: references to files that are missing, outside the
 * archive, hidden or not files (errors); images without alt text and files over 20 MB
 * (warnings); and files in a release folder (`…/index.md` and its files) that no release
 * refers to (warnings). Each release file is read again for its body.
 */
export function checkMedia(archiveDir: string, subjects: MediaSubject[]): Issue[] {
  const library = new MediaLibrary(archiveDir);
  const issues: Issue[] = [];
  const referenced = new Set<string>();
  const large = new Set<string>();
  for (const s of subjects) {
    const lines = fileLines(path.join(archiveDir, s.path));
    const field = findFieldRef(s.image, lines.slice(0, Math.max(0, s.bodyLine - 1)));
    const body = lines.slice(s.bodyLine - 1).join('\n');
    for (const ref of [...(field ? [field] : []), ...findBodyRefs(body, s.bodyLine)]) {
      const at = { file: s.path, line: ref.line, column: ref.column, ...(ref.kind === 'field' ? { field: 'image' } : {}) };
      const { file, refusal } = library.resolve(s.path, ref);
      if (refusal) {
        // A missing file is named as written, then where it was looked for.
        const placed = refusal.code === 'media-missing' ? placeRef(s.path, ref.target) : null;
        const message =
          placed?.ok && !refusal.message.includes('symbolic')
            ? `"${ref.target}" does not exist (no file ${placed.path} in the archive)`
            : refusal.message;
        issues.push({ ...at, severity: 'error', code: refusal.code, message, hint: refusal.hint });
        continue;
      }
      referenced.add(file!.path);
      if (ref.kind === 'image' && !ref.alt) {
        issues.push({
          ...at,
          severity: 'warning',
          code: 'media-no-alt',
          message: `the image ${ref.target} has no alt text: readers who cannot see it learn nothing of it`,
          hint: `describe the picture between the brackets: ![What the photo shows](${ref.target})`,
        });
      }
      if (file!.bytes > LARGE_BYTES && !large.has(file!.path)) {
        large.add(file!.path);
        issues.push({
          ...at,
          severity: 'warning',
          code: 'media-large',
          message: `${file!.path} is ${(file!.bytes / 1024 / 1024).toFixed(1)} MB: heavy for readers to download`,
          hint: 'publish a smaller version (resize the photo, compress the PDF) and keep the original elsewhere',
        });
      }
    }
  }
  for (const s of subjects.filter((x) => isBundle(x.path))) {
    const folder = path.posix.dirname(s.path);
    for (const file of bundleFiles(library.rootDir, folder)) {
      if (referenced.has(file)) continue;
      issues.push({
        file,
        severity: 'warning',
        code: 'media-unreferenced',
        message: `nothing refers to this file in the release folder of ${s.path}: it is not published`,
        hint: `link it from ${s.path} (![description](${path.posix.relative(folder, file)}) for a picture, [name](${path.posix.relative(folder, file)}) for a document), or remove it`,
      });
    }
  }
  return issues;
}
