import { hash } from 'node:crypto';

/**
 * What an export remembers of the site it wrote (kept in the marker file beside the pages),
 * so that the next export into the same folder writes only the files that changed.
 */
export interface Manifest {
  /** The site-wide inputs (tool, renderer, settings, base URL): when they differ, nothing is reused. */
  site: string;
  /**
   * Per file (kept in the marker as a list beside `files`): `k:<key>` for a file its maker keyed by its inputs (a release page: the file's
   * size and mtime, its links), else `h:<hash of its bytes>`.
   */
  stamps: Map<string, string>;
  /**
   * Per release page that refers to files of the archive: those files (`!` before one that
   * was refused). Null in a marker of a version that did not record them: then no page's
   * references are known.
   */
  refs: Map<string, string[]> | null;
}

/** A path the marker may name: relative, never climbing out of the site. */
export function safeRel(f: unknown): f is string {
  return typeof f === 'string' && f !== '' && !f.startsWith('/') && !f.split(/[/\\]/).includes('..');
}

/** Reads a marker's manifest; null for a marker of an older version or one that cannot be read. */
export function readManifest(text: string): Manifest | null {
  try {
    const j = JSON.parse(text) as { tool?: unknown; files?: unknown; site?: unknown; stamps?: unknown; refs?: unknown };
    if (
      j.tool !== 'releases' ||
      typeof j.site !== 'string' ||
      !Array.isArray(j.files) ||
      !Array.isArray(j.stamps) ||
      j.stamps.length !== j.files.length
    )
      return null;
    const stamps = new Map<string, string>();
    const files = j.files as unknown[];
    const given = j.stamps as unknown[];
    for (let i = 0; i < files.length; i++) {
      const f = files[i];
      const s = given[i];
      if (safeRel(f) && typeof s === 'string' && s) stamps.set(f, s);
    }
    let refs: Map<string, string[]> | null = null;
    if (j.refs && typeof j.refs === 'object' && !Array.isArray(j.refs)) {
      refs = new Map();
      for (const [page, list] of Object.entries(j.refs as Record<string, unknown>))
        if (safeRel(page) && Array.isArray(list) && list.every((f) => safeRel(typeof f === 'string' ? f.replace(/^!/, '') : f)))
          refs.set(page, list as string[]);
    }
    return { site: j.site, stamps, refs };
  } catch {
    return null;
  }
}

/**
 * The marker's text: every file written (`files`, which older versions read to know what is
 * theirs) and, given the site's key, the stamps. Deterministic: the same site, the same text.
 */
export function manifestText(
  files: string[],
  site: string | null,
  stamps: Map<string, string>,
  refs: Map<string, readonly string[]> = new Map(),
): string {
  const sorted = [...files].sort();
  const body: Record<string, unknown> = { tool: 'releases', files: sorted };
  if (site !== null) {
    body.site = site;
    // One stamp per file, in the order of `files`: no second copy of 100k paths to parse.
    body.stamps = sorted.map((f) => stamps.get(f) ?? '');
    const pages = [...refs.keys()].filter((p) => refs.get(p)!.length).sort();
    body.refs = Object.fromEntries(pages.map((p) => [p, refs.get(p)]));
  }
  return `${JSON.stringify(body, null, 1)}\n`;
}

/** The stamp of a file known by its bytes: a hash short enough for 100k entries, long enough not to collide. */
export function bytesStamp(bytes: Uint8Array | string): string {
  return `h:${hash('sha1', bytes, 'base64url')}`;
}
