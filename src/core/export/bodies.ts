import path from 'node:path';
import type { ArchivedRelease } from '../types.js';
import { readBody } from '../store/documents.js';
import { LazyBodyRelease } from '../store/lazy-release.js';

/** Gives the Markdown body of a release. */
export type BodyOf = (r: ArchivedRelease) => string;

/**
 * Bodies for a pass over every release of an archive (an export): read straight from each
 * release's file when it came from the index, so that nothing keeps them. The index's own
 * body source keeps the last 64 bodies for commands that ask twice; in a pass over 100k
 * releases those kept bodies outlive V8's young-generation collections, are promoted, and
 * the old generation then fills with hundreds of MB of dead bodies between full collections
 * (`export --format json` at 100k: 589 → 368 MB peak RSS with this alone).
 */
export function bodyReader(archiveDir: string): BodyOf {
  const dir = archiveDir.replace(/[/\\]+$/, '') || archiveDir;
  return (r) => (r instanceof LazyBodyRelease ? readBody(path.join(dir, r.path), r.bodyLine) : r.body);
}
