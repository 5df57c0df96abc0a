import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type { FoundFile } from '../files.js';

const MD = /\.md$/i;

function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Lists the release files below `dir` with their size and mtime, by the same rules as
 * `findReleaseFiles` (`**\/*.md`, no `.`/`_` names, no `node_modules`, links only inside the
 * archive, regular files only) but synchronously and without glob matching: on an unchanged
 * archive this walk and one `stat` per file are all the work a search does before querying.
 */
export function scanReleaseFiles(dir: string): FoundFile[] {
  const root = realpathSync(dir);
  const files: FoundFile[] = [];
  const walk = (absDir: string, relDir: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(absDir, { withFileTypes: true });
    } catch {
      return; // fast-glob (suppressErrors) skips folders it cannot read; so do we.
    }
    for (const e of entries) {
      const name = e.name;
      const first = name.charCodeAt(0);
      if (first === 46 /* . */ || first === 95 /* _ */) continue;
      const rel = relDir ? `${relDir}/${name}` : name;
      const absolute = `${absDir}/${name}`;
      if (e.isDirectory()) {
        if (name !== 'node_modules') walk(absolute, rel);
        continue;
      }
      if (!MD.test(name)) continue;
      if (e.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(absolute);
        } catch {
          continue;
        }
        if (!isInside(root, target)) continue;
      } else if (!e.isFile()) {
        continue;
      }
      const st = statSync(absolute, { throwIfNoEntry: false });
      if (!st || !st.isFile()) continue;
      files.push({ path: rel, absolute: path.join(dir, rel), size: st.size, mtimeMs: st.mtimeMs });
    }
  };
  walk(dir, '');
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return files;
}
