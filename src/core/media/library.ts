import { realpathSync } from 'node:fs';
import { describeMedia, type MediaFile } from './describe.js';
import { findBodyRefs, findFieldRef, type MediaRef } from './refs.js';
import { inspectMedia, placeRef, type Refusal } from './resolve.js';
import { isImageType } from './types.js';

export type { MediaFile } from './describe.js';

/** One reference of a release with what it led to: a file, or why not. */
export interface ResolvedRef {
  ref: MediaRef;
  file: MediaFile | null;
  refusal: Refusal | null;
}

/** The files of one release. */
export interface ReleaseMedia {
  /** Every local reference, in file order (`image:` first). */
  refs: ResolvedRef[];
  /** The files that belong to the release, each once, in order of first reference. */
  files: MediaFile[];
  /** The release's picture: `image:` (a file of the archive or an http(s) URL), else its first image. */
  cover: { file: MediaFile; alt: string } | { url: string; alt: string } | null;
}

/** What the media of a release are found from. */
export interface MediaSource {
  path: string;
  extra: Record<string, unknown>;
}

/** No media: the value for releases that refer to no file. */
export const NO_MEDIA: ReleaseMedia = Object.freeze({ refs: [], files: [], cover: null }) as ReleaseMedia;

/**
 * Finds, checks and describes the files releases refer to, each file looked up and hashed
 * once however many releases share it (a logo on every page).
 */
export class MediaLibrary {
  /** The archive folder's real path. */
  readonly rootDir: string;
  private readonly seen = new Map<string, MediaFile | Refusal>();

  constructor(archiveDir: string) {
    this.rootDir = realpathSync(archiveDir);
  }

  /** A file by its archive-relative path, or why it cannot be published. */
  file(rel: string): MediaFile | Refusal {
    let hit = this.seen.get(rel);
    if (!hit) {
      const found = inspectMedia(this.rootDir, rel);
      hit = found.ok ? describeMedia(found) : found;
      this.seen.set(rel, hit);
    }
    return hit;
  }

  /** Resolves one reference made by the release at `releasePath`. */
  resolve(releasePath: string, ref: MediaRef): ResolvedRef {
    const placed = placeRef(releasePath, ref.target);
    if (!placed.ok) return { ref, file: null, refusal: placed };
    const hit = this.file(placed.path);
    return 'ok' in hit ? { ref, file: null, refusal: hit } : { ref, file: hit, refusal: null };
  }

  /** The media of a release whose body is `body` (starting at file line `bodyLine`). */
  ofRelease(r: MediaSource, body: string, bodyLine = 1): ReleaseMedia {
    const field = findFieldRef(r.extra.image, []);
    const refs = [...(field ? [field] : []), ...findBodyRefs(body, bodyLine)];
    const url = typeof r.extra.image === 'string' && /^https?:\/\/\S+$/i.test(r.extra.image.trim()) ? r.extra.image.trim() : null;
    if (!refs.length) return url ? { refs: [], files: [], cover: { url, alt: '' } } : NO_MEDIA;
    const resolved = refs.map((ref) => this.resolve(r.path, ref));
    const files: MediaFile[] = [];
    for (const { file } of resolved) if (file && !files.includes(file)) files.push(file);
    const picture = resolved.find(({ ref, file }) => file && (ref.kind === 'field' || ref.kind === 'image') && isImageType(file.type));
    const cover = url ? { url, alt: '' } : picture ? { file: picture.file!, alt: picture.ref.alt ?? '' } : null;
    return { refs: resolved, files, cover };
  }
}
