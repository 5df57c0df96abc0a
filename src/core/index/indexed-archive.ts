import type { Archive } from '../archive.js';
import { Registry } from '../registry.js';
import type { ArchivedRelease, Issue, Release } from '../types.js';
import { linkArchive } from '../validate.js';
import { readBody } from './documents.js';
import { cachedArchiveConfig } from './session.js';
import type { ArchiveIndex } from './store.js';

/** How many bodies a loaded archive keeps after reading them (the pages of an export ask twice). */
const KEPT_BODIES = 64;

function compareIssues(a: Issue, b: Issue): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

/**
 * Makes each release's `body` read from its file when first asked for, remembering only
 * the last few: at 100k releases the bodies are ~500 MB as JavaScript strings, and `list`,
 * `partners` and `show` need none or one of them.
 */
function lazyBodies(dir: string, releases: ArchivedRelease[]): void {
  const kept = new Map<string, string>();
  for (const r of releases) {
    Object.defineProperty(r, 'body', {
      enumerable: true,
      configurable: true,
      get(): string {
        let body = kept.get(r.path);
        if (body === undefined) {
          body = readBody(`${dir}/${r.path}`, r.bodyLine);
          if (kept.size >= KEPT_BODIES) kept.delete(kept.keys().next().value!);
          kept.set(r.path, body);
        }
        return body;
      },
      set(value: string) {
        Object.defineProperty(r, 'body', { value, enumerable: true, writable: true, configurable: true });
      },
    });
  }
}

/**
 * The archive as `loadArchive` reads it, from the index: brought up to date first (only new
 * and changed files are parsed, on worker threads when there are many), then every stored
 * release in one statement, without bodies. Bodies are read from the files on demand.
 * `issues` holds every file's own problems, the settings' and registry's, and duplicate ids;
 * not the cross-file "unknown partner" warnings, which only `check` reports.
 */
export async function loadIndexedArchive(index: ArchiveIndex, dir: string, trustFolders = false): Promise<Archive> {
  const stats = await index.refresh(dir, trustFolders);
  const { settings, registry, issues: configIssues } = cachedArchiveConfig(index, dir);
  const issues = [...configIssues];
  const releases: Release[] = [];
  for (const result of index.results()) {
    for (const i of result.issues) issues.push(i);
    if (result.release) releases.push(result.release);
  }
  // An empty registry: it only feeds the unknown-partner warnings, which cost a name fold
  // per partner of every release and which read commands never show.
  const linked = linkArchive(releases, settings, new Registry([]));
  for (const i of linked.issues) issues.push(i);
  issues.sort(compareIssues);
  lazyBodies(dir.replace(/[/\\]+$/, '') || dir, linked.releases);
  return { dir, settings, registry, releases: linked.releases, issues, fileCount: stats.files };
}
