import type { Archive } from '../archive.js';
import type { ArchiveConfig } from '../config.js';
import { compareIssues, linkArchive } from '../validate.js';
import { BodySource, LazyBodyRelease } from './lazy-release.js';
import { cachedArchiveConfig } from './archive-config.js';
import { loadStored } from './snapshot-file.js';
import type { ArchiveIndex } from './store.js';

/**
 * The archive as `loadArchive` reads it, from the index: brought up to date first (only new
 * and changed files are parsed, on worker threads when there are many), then every stored
 * release, without bodies, from the index's snapshot (snapshot-file.ts) or its rows.
 * Bodies are read from the files on demand.
 * `issues` holds every file's own problems, the settings' and registry's, duplicate ids and
 * translation keys; not the cross-file "unknown partner" warnings, which `check` reports.
 */
export async function loadIndexedArchive(index: ArchiveIndex, dir: string, trustFolders = false, refreshed?: Refreshed): Promise<Archive> {
  const { config, files } = refreshed ?? (await refreshIndex(index, dir, trustFolders));
  const { settings, registry, issues: configIssues } = config;
  const source = new BodySource(dir.replace(/[/\\]+$/, '') || dir);
  const stored = loadStored(index, (...fields) => new LazyBodyRelease(source, ...fields));
  const issues = [...configIssues, ...stored.issues];
  const releases = stored.releases;
  // No registry: the cross-file "unknown partner" warnings are left to `check` (a name fold per partner of every release).
  const linked = linkArchive(releases, settings, null);
  for (const i of linked.issues) issues.push(i);
  issues.sort(compareIssues);
  return { dir, settings, registry, releases: linked.releases, issues, fileCount: files };
}

/** An index brought up to date, with the archive's settings and registry: the first half of `loadIndexedArchive`. */
export interface Refreshed {
  config: ArchiveConfig;
  /** Files in the archive. */
  files: number;
}

/** Brings the index up to date and reads the settings and registry (see `loadIndexedArchive`). */
export async function refreshIndex(index: ArchiveIndex, dir: string, trustFolders = false): Promise<Refreshed> {
  // The settings and registry (a YAML parse on a first run) are read while workers parse, if they do.
  let config: ArchiveConfig | undefined;
  const stats = await index.refresh(dir, trustFolders, () => {
    config = cachedArchiveConfig(index, dir);
  });
  return { config: config ?? cachedArchiveConfig(index, dir), files: stats.files };
}
