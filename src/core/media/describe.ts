import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { imageSize } from 'image-size';
import type { FoundMedia } from './resolve.js';
import { isImageType, mediaType } from './types.js';

/** A file that belongs to a release, as JSON, feeds and the site describe it. */
export interface MediaFile {
  /** Archive-relative path, `/` separators. */
  path: string;
  /** Real path on disk (inside the archive). */
  absolute: string;
  type: string;
  bytes: number;
  sha256: string;
  /** Pixel size, for images whose header could be read. */
  width?: number;
  height?: number;
  /** Device and inode seen when checked, so what is copied is the file that was checked. */
  dev: number;
  ino: number;
}

/** How much of an image is read to find its size: headers sit at the start (JPEG's after EXIF). */
const HEAD_BYTES = 1024 * 1024;

/**
 * Hashes a file and reads an image's pixel size from its first megabyte, in 1 MB reads, so a
 * large video is never held in memory. SVG sizes come from its `width`/`height` or `viewBox`.
 */
export function describeMedia(found: FoundMedia): MediaFile {
  const type = mediaType(found.path);
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(HEAD_BYTES);
  let head: Buffer | null = null;
  const fd = openSync(found.absolute, 'r');
  try {
    for (
      let n = readSync(fd, buffer, 0, buffer.length, null), first = true;
      n > 0;
      n = readSync(fd, buffer, 0, buffer.length, null), first = false
    ) {
      if (first) head = Buffer.from(buffer.subarray(0, n));
      hash.update(buffer.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  const file: MediaFile = {
    path: found.path,
    absolute: found.absolute,
    type,
    bytes: found.bytes,
    sha256: hash.digest('hex'),
    dev: found.dev,
    ino: found.ino,
  };
  if (isImageType(type) && head) {
    try {
      const size = imageSize(head);
      if (size.width && size.height) {
        file.width = size.width;
        file.height = size.height;
      }
    } catch {
      // Not an image after all, or cut short: shown without a size.
    }
  }
  return file;
}
