import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { ReleasesError } from './errors.js';
import { findReleaseFiles, type FoundFile } from './files.js';
import { parseReleaseFile } from './parse.js';
import { parseArchiveConfig } from './config.js';
import type { Registry } from './registry.js';
import { detached, Strings } from './interned.js';
import { checkMedia, type MediaSubject } from './media/check.js';
import type { ArchivedRelease, ArchiveSettings, FileResult, Issue, Release } from './types.js';
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
    throw new ReleasesError(`cannot read ${file}: ${(e as Error).message}`, 1, "check the file's permissions", file);
  }
}

/** Checks that `dir` is an archive folder, with a message that says what to do when not. */
export async function assertArchiveDir(dir: string): Promise<void> {
  const stats = await fs.stat(dir).catch(() => null);
  if (!stats) {
    throw new ReleasesError(
      `no archive folder at ${dir}`,
      1,
      'run the command where archive/ is, pass --archive DIR, set RELEASES_ARCHIVE, or create one with releases init',
      dir,
    );
  }
  if (!stats.isDirectory())
    throw new ReleasesError(`${dir} is not a folder`, 1, 'pass --archive with the folder that holds the releases', dir);
}

// Read synchronously: parsing is CPU-bound anyway, and one readFileSync costs a fraction of
// fs.promises.readFile's four round trips through the thread pool (open, fstat, read, close).
function parseFile(file: FoundFile): FileResult {
  try {
    return parseReleaseFile(file.path, readFileSync(file.absolute));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message =
      code === 'EACCES' || code === 'EPERM'
        ? 'the file cannot be read: permission denied'
        : `the file cannot be read: ${(e as Error).message}`;
    return {
      path: file.path,
      release: null,
      issues: [{ file: file.path, severity: 'error', code: 'unreadable', message, hint: "check the file's permissions (chmod a+r)" }],
    };
  }
}

/**
 * What linking needs of a release, for `check`: its id, path, dates, language, partners and
 * translation key, in strings of its own. The title, tags, body and extra fields, and the
 * front-matter text that parsed values are slices of, are left to the garbage collector
 * (100k releases: ~235 MB kept otherwise).
 */
function linkable(r: Release, strings: Strings): Release {
  return {
    id: detached(r.id),
    path: r.path,
    title: '',
    date: strings.one(r.date),
    event: r.event ? { start: strings.one(r.event.start), end: strings.one(r.event.end), location: null } : null,
    partners: strings.all(r.partners),
    people: NONE,
    tags: NONE,
    lang: r.lang === null ? null : strings.one(r.lang),
    summary: null,
    translationKey: r.translationKey === null ? null : detached(r.translationKey),
    body: '',
    bodyLine: r.bodyLine,
    extra: {},
    dateFromFileName: r.dateFromFileName,
  };
}
const NONE: string[] = [];

/** Parse results kept by an earlier run (the index), read in one pass rather than file by file. */
export interface StoredResults {
  /** Calls `use` with the index in `files` and the result of each file stored with its current size and mtime, in any order. */
  each(files: FoundFile[], use: (file: number, result: FileResult) => void): void;
}

async function readArchive(
  dir: string,
  source: { cache?: ParseCache; stored?: StoredResults },
  keep: (release: Release) => Release,
): Promise<Archive> {
  const { cache, stored } = source;
  await assertArchiveDir(dir);
  const issues: Issue[] = [];
  const settingsText = await readOptional(path.join(dir, 'archive.yml'));
  const registryText = await readOptional(path.join(dir, 'partners.yml'));
  const { settings, registry, issues: configIssues } = parseArchiveConfig(settingsText, registryText);
  issues.push(...configIssues);

  const found = await findReleaseFiles(dir);
  issues.push(...found.issues);
  const fresh: { file: FoundFile; result: FileResult }[] = [];
  const releases: Release[] = [];
  // Files are taken in any order: issues are sorted by file, releases by path when linked.
  const take = (result: FileResult) => {
    for (const i of result.issues) issues.push(i);
    if (result.release) releases.push(keep(result.release));
  };
  const done = new Uint8Array(found.files.length);
  stored?.each(found.files, (i, result) => {
    done[i] = 1;
    take(result);
  });
  found.files.forEach((file, i) => {
    if (done[i]) return;
    let result = cache?.get(file);
    if (!result) {
      result = parseFile(file);
      if (cache) fresh.push({ file, result });
    }
    take(result);
  });
  cache?.update(fresh, found.files);

  const linked = linkArchive(releases, settings, registry);
  for (const i of linked.issues) issues.push(i);
  issues.sort(compareIssues);
  return { dir, settings, registry, releases: linked.releases, issues, fileCount: found.files.length };
}

/** Reads an archive folder: settings, partner registry and every release file. */
export function loadArchive(dir: string, options: { cache?: ParseCache } = {}): Promise<Archive> {
  return readArchive(dir, options, (r) => r);
}

/**
 * Every problem of an archive, as `loadArchive` finds them, without keeping the releases:
 * each file is parsed (or its result taken from `stored`), its issues kept, and of its
 * release only what the cross-file checks (duplicate ids, translation keys, unknown
 * partners) need. The files releases refer to are checked too (see src/core/media/check.ts).
 */
export async function checkArchive(dir: string, stored?: StoredResults): Promise<Pick<Archive, 'issues' | 'fileCount'>> {
  const strings = new Strings();
  const media: MediaSubject[] = [];
  const { issues, fileCount } = await readArchive(dir, { stored }, (r) => {
    const image = typeof r.extra.image === 'string' ? detached(r.extra.image) : r.extra.image;
    media.push({ path: r.path, bodyLine: r.bodyLine, image });
    return linkable(r, strings);
  });
  for (const i of checkMedia(dir, media)) issues.push(i);
  issues.sort(compareIssues);
  return { issues, fileCount };
}
