import type { SiteFacts } from '../../core/export/manifest.js';
import type { ReleaseMedia } from '../../core/media/library.js';
import type { PlacedSource } from '../../core/media/place.js';
import type { ArchivedRelease, CalendarDate } from '../../core/types.js';

/** Text, bytes, or bytes made chunk by chunk while the file is written (long pages). */
export type SiteContent = string | Uint8Array | Iterable<Uint8Array>;

/** One file of the exported site: made by the site, or (`from`) a file of the archive placed in it. */
export type SiteFile =
  | {
      path: string;
      content: SiteContent;
      from?: undefined;
      /**
       * The key of the file's inputs, when it has one (release pages): an export into an
       * earlier one keeps the file without making it when the key is the same, so `content`
       * is read only then.
       */
      key?: string;
    }
  | { path: string; content?: undefined; from: PlacedSource; key?: undefined };

/** Finds the files of a release from its body (see MediaLibrary in src/core/media/library.ts). */
export type MediaOf = (r: ArchivedRelease, body: string) => ReleaseMedia;

/**
 * What an export knows of the earlier export it updates (SiteDir, src/core/export/site-dir.ts):
 * which files it holds made from which inputs. Without an earlier export every answer is no.
 */
export interface SiteMemory {
  /** True when the earlier export holds `rel` made from inputs of this key (without a key: a file of the archive placed there). */
  holds(rel: string, key?: string): boolean;
  /** Like `holds`, and then `rel` is part of the new site as it is: it is neither made nor written. */
  keep(rel: string, key?: string): boolean;
  /** The archive files (paths relative to the archive) the release page `rel` of the earlier export referred to, when known. */
  refsOf(rel: string): readonly string[] | undefined;
  /** Records the archive files the release page `rel` refers to, for the next update. */
  noteRefs(rel: string, refs: readonly string[]): void;
  /** The facts the earlier export recorded (site-update.ts), when it holds every file it lists. */
  earlierFacts?(): SiteFacts | null;
  /** Records the site's facts for the next update. */
  noteFacts?(facts: SiteFacts): void;
  /** Every file of the earlier export but the `remade` ones is part of the new site as it is. */
  keepEarlier?(remade: (rel: string) => boolean): void;
}

/** What a site may be given beyond its plan: the files of releases, and the day of the export. */
export interface SiteExtras {
  mediaOf?: MediaOf;
  /** Tells past events from upcoming ones; without it the events pages do not tell. */
  today?: CalendarDate | null;
  /**
   * The size and mtime of a release's file, when the index knows them: pages and the files
   * derived from releases are then keyed by their inputs (see `releasePageKey`, site-keys.ts).
   */
  stampOf?: (path: string) => string | undefined;
  /** The earlier export being updated: a keyed file it holds is kept, and its release's body not read. */
  memory?: SiteMemory;
  /** The folder of the earlier export (`memory`'s), whose search data kept fragments' releases reuse. */
  earlierDir?: string;
  /** A stamp of a file of the archive a release refers to (its real path, type, size, mtime and inode; not its bytes). */
  refStamp?: (archivePath: string) => string;
}
