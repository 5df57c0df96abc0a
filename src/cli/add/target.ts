import { statSync } from 'node:fs';
import type { Archive } from '../../core/archive.js';
import type { Registry } from '../../core/registry.js';
import type { ArchiveSettings, TranslationRef } from '../../core/types.js';
import { idsWithPrefix, translationSiblings } from '../../core/store/add-queries.js';
import type { Context } from '../context.js';

/**
 * What `add` needs to know of the archive it writes into: its settings and registry, the
 * ids already taken and the releases a new one's translation key links it to. Answered by
 * the index without reading the archive's releases.
 */
export interface AddTarget {
  dir: string;
  settings: ArchiveSettings;
  registry: Registry;
  /** The ids in use that start with `prefix` (the new file's name and its -2, -3… variants). */
  takenIds(prefix: string): Set<string>;
  /** The releases (language and id) that share a translation key. */
  translations(key: string): TranslationRef[];
  /** The whole archive, for the prompts' partner suggestions (loaded only when asked for). */
  archive(): Promise<Archive>;
}

const byLangThenId = (a: TranslationRef, b: TranslationRef) =>
  a.lang < b.lang ? -1 : a.lang > b.lang ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** The target of an archive read in full (without SQLite): every answer from the loaded releases. */
function fromArchive(archive: Archive): AddTarget {
  return {
    dir: archive.dir,
    settings: archive.settings,
    registry: archive.registry,
    takenIds: (prefix) => new Set(archive.releases.map((r) => r.id).filter((id) => id.startsWith(prefix))),
    translations: (key) =>
      archive.releases
        .filter((r) => r.translationKey === key)
        .map((r) => ({ lang: r.lang, id: r.id }))
        .sort(byLangThenId),
    archive: async () => archive,
  };
}

/**
 * Runs `work` with the target archive of `add`. Through the index, refreshed by folder
 * (new, removed and renamed files are seen, through the mtimes of their folders, without a
 * `stat` of every file): at 100k releases a full check would cost more than the rest of
 * `add`. Without SQLite, the archive is read in full.
 */
export async function withAddTarget<T>(ctx: Context, dir: string, work: (target: AddTarget) => Promise<T>): Promise<T> {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) await (await import('../../core/archive.js')).assertArchiveDir(dir);
  const { withIndex } = await import('../../core/store/session.js');
  const { cachedArchiveConfig } = await import('../../core/store/archive-config.js');
  const { value, warnings } = await withIndex(dir, { env: ctx.env }, async (index) => {
    if (!index) return work(fromArchive(await (await import('../../core/archive.js')).loadArchive(dir)));
    const { refreshChangedFolders } = await import('../../core/store/folder-refresh.js');
    if (!(await refreshChangedFolders(index, dir))) await index.refresh(dir, true);
    const { settings, registry } = cachedArchiveConfig(index, dir);
    return work({
      dir,
      settings,
      registry,
      takenIds: (prefix) => idsWithPrefix(index, prefix),
      translations: (key) => translationSiblings(index, key, settings.lang).sort(byLangThenId),
      archive: async () => (await import('../../core/store/indexed-archive.js')).loadIndexedArchive(index, dir, true),
    });
  });
  for (const w of warnings) ctx.stderr.write(`warning ${w}\n`);
  return value;
}
