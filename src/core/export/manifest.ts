import { createHash, hash } from 'node:crypto';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';

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
  /** What the site's releases gave it, for an update where only bodies changed (site-update.ts); null in an older marker. */
  facts: SiteFacts | null;
}

/**
 * What every file of a site takes from its releases beyond their bodies, recorded so that an
 * update can tell that only bodies changed without keying the files of every release again.
 */
export interface SiteFacts {
  /** A hash of the releases' paths in site order, the partners' pages and the languages. */
  order: string;
  /** The day the events pages were made for ('' when none). */
  today: string;
  /** Per release in site order: `<file stamp> <hash of every front-matter field a list shows>`. */
  releases: string[];
}

/** A path the marker may name: relative, never climbing out of the site. */
export function safeRel(f: unknown): f is string {
  return typeof f === 'string' && f !== '' && !f.startsWith('/') && !f.split(/[/\\]/).includes('..');
}

/** Reads a marker's manifest; null for a marker of an older version or one that cannot be read. */
export function readManifest(text: string): Manifest | null {
  try {
    const j = JSON.parse(text) as { tool?: unknown; files?: unknown; site?: unknown; stamps?: unknown; refs?: unknown; facts?: unknown };
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
    return { site: j.site, stamps, refs, facts: readFacts(j.facts) };
  } catch {
    return null;
  }
}

function readFacts(f: unknown): SiteFacts | null {
  if (!f || typeof f !== 'object') return null;
  const { order, today, releases } = f as Record<string, unknown>;
  if (typeof order !== 'string' || typeof today !== 'string' || !Array.isArray(releases) || !releases.every((r) => typeof r === 'string'))
    return null;
  return { order, today, releases: releases as string[] };
}

/**
 * The marker's text: every file written (`files`, which older versions read to know what is
 * theirs) and, given the site's key, the stamps. Deterministic: the same site, the same text
 * (`JSON.stringify(…, null, 1)` of those fields, then a newline), in pieces of about 64 KB:
 * at 100k releases the whole text is 18 MB, which the writer never holds at once.
 */
export function* manifestChunks(
  files: readonly string[],
  site: string | null,
  stamps: ReadonlyMap<string, string>,
  refs: ReadonlyMap<string, readonly string[]> = new Map(),
  facts: SiteFacts | null = null,
): Generator<string> {
  const sorted = [...files].sort();
  let out = '{\n "tool": "releases",\n "files": ';
  // A JSON array of strings at `depth` (JSON.stringify's layout with an indent of one space).
  function* list(items: readonly string[], at: (i: number) => string, depth: number): Generator<string> {
    if (!items.length) {
      out += '[]';
      return;
    }
    const pad = ' '.repeat(depth + 1);
    out += '[';
    for (let i = 0; i < items.length; i++) {
      out += `${i ? ',' : ''}\n${pad}${JSON.stringify(at(i))}`;
      if (out.length > 65536) {
        yield out;
        out = '';
      }
    }
    out += `\n${' '.repeat(depth)}]`;
  }
  yield* list(sorted, (i) => sorted[i], 1);
  if (site !== null) {
    out += `,\n "site": ${JSON.stringify(site)},\n "stamps": `;
    // One stamp per file, in the order of `files`: no second copy of 100k paths to parse.
    yield* list(sorted, (i) => stamps.get(sorted[i]) ?? '', 1);
    out += ',\n "refs": ';
    const pages = [...refs.keys()].filter((p) => refs.get(p)!.length).sort();
    if (!pages.length) out += '{}';
    else {
      out += '{';
      for (let i = 0; i < pages.length; i++) {
        const page = pages[i];
        const list_ = refs.get(page)!;
        out += `${i ? ',' : ''}\n  ${JSON.stringify(page)}: `;
        yield* list(list_, (k) => list_[k], 2);
      }
      out += '\n }';
    }
    if (facts) {
      out += `,\n "facts": {\n  "order": ${JSON.stringify(facts.order)},\n  "today": ${JSON.stringify(facts.today)},\n  "releases": `;
      yield* list(facts.releases, (i) => facts.releases[i], 2);
      out += '\n }';
    }
  }
  yield `${out}\n}\n`;
}

/** The marker's text whole (see `manifestChunks`). */
export function manifestText(
  files: readonly string[],
  site: string | null,
  stamps: ReadonlyMap<string, string>,
  refs: ReadonlyMap<string, readonly string[]> = new Map(),
  facts: SiteFacts | null = null,
): string {
  return [...manifestChunks(files, site, stamps, refs, facts)].join('');
}

/** The stamp of a file known by its bytes: a hash short enough for 100k entries, long enough not to collide. */
export function bytesStamp(bytes: Uint8Array | string): string {
  return `h:${hash('sha1', bytes, 'base64url')}`;
}

/** Writes the marker's pieces to `abs` as they come; returns the stamp of the bytes written (see `bytesStamp`). */
export function writeMarker(abs: string, chunks: Iterable<string>): string {
  const h = createHash('sha1');
  const fd = openSync(abs, 'w');
  try {
    for (const chunk of chunks) {
      const bytes = Buffer.from(chunk, 'utf8');
      h.update(bytes);
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
    }
  } finally {
    closeSync(fd);
  }
  return `h:${h.digest('base64url')}`;
}

/** The stamp of a file's bytes (see `bytesStamp`), read a piece at a time; null when it cannot be read. */
export function fileBytesStamp(abs: string): string | null {
  let fd: number;
  try {
    fd = openSync(abs, 'r');
  } catch {
    return null;
  }
  try {
    const h = createHash('sha1');
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) h.update(buf.subarray(0, n));
    return `h:${h.digest('base64url')}`;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}
