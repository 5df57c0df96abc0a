import type { PlacedSource } from '../../core/media/place.js';

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
