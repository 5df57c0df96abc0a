import { readFileSync } from 'node:fs';
import type { FoundFile } from '../files.js';
import { parseReleaseFile } from '../parse.js';
import type { FileResult } from '../types.js';

// Apart from rows.ts because the parser pulls in gray-matter and js-yaml: a search on an
// unchanged archive never loads them.

/** Reads and parses one release file; a file that cannot be read becomes an issue. */
export function parseFromDisk(file: FoundFile): FileResult {
  try {
    return parseReleaseFile(file.path, readFileSync(file.absolute));
  } catch (e) {
    return {
      path: file.path,
      release: null,
      issues: [
        {
          file: file.path,
          severity: 'error',
          code: 'unreadable',
          message: `the file cannot be read: ${(e as Error).message}`,
          hint: "check the file's permissions (chmod a+r)",
        },
      ],
    };
  }
}
