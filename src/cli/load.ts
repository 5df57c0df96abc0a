import { statSync } from 'node:fs';
import type { Archive } from '../core/archive.js';
import type { LookupResult, ReleaseQuery } from '../core/store/lookup.js';
import { loadIndexedArchive, refreshIndex } from '../core/store/indexed-archive.js';
import { withIndex } from '../core/store/session.js';
import { skippedInArchive } from '../core/store/skipped.js';
import type { ArchiveIndex } from '../core/store/store.js';
import type { Context } from './context.js';
import { fastStamp } from './fast-stat.js';
import { reportSkipped } from './skipped.js';

// The loader module (fast-glob, the YAML parser) is needed only for its message, or without the index.
async function assertDir(dir: string): Promise<void> {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) await (await import('../core/archive.js')).assertArchiveDir(dir);
}

/**
 * Loads the archive for a read command and tells, on stderr, which files were skipped
 * because they cannot be read. Through the search index when better-sqlite3 is available:
 * only new or changed files are parsed, the rest comes from the index in one query, and
 * each release's body is read from its file when asked for. Without the index, every file
 * is parsed.
 */
export async function openArchive(ctx: Context, dir: string, prefix = '', fromIndex?: (index: ArchiveIndex) => void): Promise<Archive> {
  const opened = await openArchiveOr(ctx, dir, prefix, fromIndex);
  return opened.archive as Archive;
}

/**
 * `openArchive`, or what `shortcut` gives instead of the archive: it is called with the
 * index once brought up to date, before any release is read from it, and the archive is
 * read only when it gives null (then the files skipped are told as `openArchive` tells them).
 */
export async function openArchiveOr<T>(
  ctx: Context,
  dir: string,
  prefix = '',
  fromIndex?: (index: ArchiveIndex) => void,
  shortcut?: (index: ArchiveIndex) => T | null,
): Promise<{ archive: Archive; short?: undefined } | { archive?: undefined; short: T }> {
  await assertDir(dir);
  const trustFolders = ctx.env.RELEASES_INDEX_CHECK === 'folders';
  const { value, warnings } = await withIndex(dir, { env: ctx.env, stamp: fastStamp() }, async (index) => {
    if (!index) return { archive: await (await import('../core/archive.js')).loadArchive(dir) };
    const refreshed = await refreshIndex(index, dir, trustFolders);
    const short = shortcut?.(index) ?? null;
    if (short !== null) return { short };
    const archive = await loadIndexedArchive(index, dir, trustFolders, refreshed);
    // Anything else a command reads from the index while it is open (export: the files' stamps).
    fromIndex?.(index);
    return { archive };
  });
  reportSkipped(ctx, warnings, value.archive ? skippedInArchive(value.archive) : [], prefix);
  return value;
}

/**
 * Finds one release for `show`, telling on stderr the skipped files as `openArchive` does.
 * Through the index (brought up to date first, so an edited file is seen): only the rows
 * the answer needs are read, not the whole archive.
 */
export async function findRelease(ctx: Context, dir: string, query: ReleaseQuery, prefix = ''): Promise<LookupResult> {
  await assertDir(dir);
  const { lookUpInIndex, lookUpInArchive } = await import('../core/store/lookup.js');
  const trustFolders = ctx.env.RELEASES_INDEX_CHECK === 'folders';
  const { value: found, warnings } = await withIndex(dir, { env: ctx.env, stamp: fastStamp() }, async (index) => {
    if (!index) return lookUpInArchive(await (await import('../core/archive.js')).loadArchive(dir), query);
    await index.refresh(dir, trustFolders);
    return lookUpInIndex(index, dir, query);
  });
  reportSkipped(ctx, warnings, found.skipped, prefix);
  return found;
}
