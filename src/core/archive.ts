import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { ReleasesError } from './errors.js';
import { findReleaseFiles, type FoundFile } from './files.js';
import { parseReleaseFile } from './parse.js';
import { parseRegistry, parseSettings, Registry } from './registry.js';
import type { ArchivedRelease, ArchiveSettings, FileResult, Issue } from './types.js';
import { compareIssues, linkArchive } from './validate.js';

/** An archive as read from disk: every release that could be read, and every problem found. */
export interface Archive {
  dir: string;
  settings: ArchiveSettings;
  registry: Registry;
  /** Releases newest period first. */
  releases: ArchivedRelease[];
  /** Every issue of every file, sorted by file and line. */
  issues: Issue[];
  /** How many release files were found (read or not). */
  fileCount: number;
}

/**
 * Remembers parse results between runs, keyed by path, size and mtime, so that an
 * unchanged file is never parsed twice. The search index provides one.
 */
export interface ParseCache {
  get(file: FoundFile): FileResult | undefined;
  /** Called once per load with the files parsed anew and the paths that still exist. */
  update(fresh: { file: FoundFile; result: FileResult }[], present: FoundFile[]): void;
}

async function readOptional(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new ReleasesError(`cannot read ${file}: ${(e as Error).message}`, 1, 'check the file\'s permissions', file);
  }
}

/** Checks that `dir` is an archive folder, with a message that says what to do when not. */
export async function assertArchiveDir(dir: string): Promise<void> {
  const stats = await fs.stat(dir).catch(() => null);
  if (!stats) {
    throw new ReleasesError(`no archive folder at ${dir}`, 1, 'run the command where archive/ is, pass --archive DIR, set RELEASES_ARCHIVE, or create one with releases init', dir);
  }
  if (!stats.isDirectory()) throw new ReleasesError(`${dir} is not a folder`, 1, 'pass --archive with the folder that holds the releases', dir);
}

// Read synchronously: parsing is CPU-bound anyway, and one readFileSync costs a fraction of
// fs.promises.readFile's four round trips through the thread pool (open, fstat, read, close).
function parseFile(file: FoundFile): FileResult {
  try {
    return parseReleaseFile(file.path, readFileSync(file.absolute));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message = code === 'EACCES' || code === 'EPERM' ? 'the file cannot be read: permission denied' : `the file cannot be read: ${(e as Error).message}`;
    return { path: file.path, release: null, issues: [{ file: file.path, severity: 'error', code: 'unreadable', message, hint: 'check the file\'s permissions (chmod a+r)' }] };
  }
}

/** Reads an archive folder: settings, partner registry and every release file (`bodies: false` drops the bodies once parsed). */
export async function loadArchive(dir: string, options: { cache?: ParseCache; bodies?: boolean } = {}): Promise<Archive> {
  await assertArchiveDir(dir);
  const issues: Issue[] = [];
  const settingsText = await readOptional(path.join(dir, 'archive.yml'));
  const { settings, issues: settingsIssues } = settingsText === null ? { settings: { name: 'Releases', lang: 'en', baseUrl: null }, issues: [] } : parseSettings('archive.yml', settingsText);
  const registryText = await readOptional(path.join(dir, 'partners.yml'));
  const { registry, issues: registryIssues } = registryText === null ? { registry: new Registry([]), issues: [] } : parseRegistry('partners.yml', registryText);
  issues.push(...settingsIssues, ...registryIssues);

  const found = await findReleaseFiles(dir);
  issues.push(...found.issues);
  const fresh: { file: FoundFile; result: FileResult }[] = [];
  const results = found.files.map((file) => {
    const cached = options.cache?.get(file);
    if (cached) return cached;
    const result = parseFile(file);
    if (options.cache) fresh.push({ file, result });
    // `check` needs every issue but no body: dropping them keeps 100k releases small.
    if (options.bodies === false && result.release) result.release.body = '';
    return result;
  });
  options.cache?.update(fresh, found.files);

  for (const r of results) issues.push(...r.issues);
  const linked = linkArchive(results.flatMap((r) => (r.release ? [r.release] : [])), settings, registry);
  issues.push(...linked.issues);
  issues.sort(compareIssues);
  return { dir, settings, registry, releases: linked.releases, issues, fileCount: found.files.length };
}
