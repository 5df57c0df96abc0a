import type { PartnerCount } from '../core/partners.js';
import type { ArchivedRelease, Issue } from '../core/types.js';
import type { LinesOf } from './code-frame.js';
import { issuesGithub, issuesJson, issuesText } from './issues.js';
import { jsonArrayChunks, ndjsonChunks, toEntry } from './json.js';
import { showText } from './show.js';
import type { Styler } from './style.js';
import { layout, releaseTableBytes } from './table.js';

/** Where a renderer writes, with the terminal width (none in a pipe) and the styles to use. */
export interface RenderTarget {
  write(text: string): void;
  width?: number;
  s: Styler;
  /** Prefix that turns archive-relative paths into paths relative to where the user is. */
  prefix: string;
}

/**
 * Renderers of a list of releases, by `--format` name (list): each gives its text in chunks,
 * for the caller to write one by one, waiting whenever the reader is slower (a pipe).
 */
export const releaseFormats = {
  table: (rs: ArchivedRelease[], t: RenderTarget): Iterable<string | Uint8Array> => releaseTableBytes(rs, t.width, t.s),
  json: (rs: ArchivedRelease[]): Iterable<string> => jsonArrayChunks(rs, toEntry),
  ndjson: (rs: ArchivedRelease[]): Iterable<string> => ndjsonChunks(rs, toEntry),
};

/** Renderers of the partner list (partners), by `--format` name. */
export const partnerFormats = {
  table: (ps: PartnerCount[], t: RenderTarget) =>
    t.write(
      layout(
        ['ID', 'NAME', 'RELEASES', 'ALIASES'],
        ps.map((p) => [p.id ?? t.s.dim('(not in registry)'), p.name, String(p.releases), p.aliases.join(', ')]),
        { width: t.width, flex: 3, max: [24, 40, 8, 200], shrink: [1] },
        t.s,
      ),
    ),
  json: (ps: PartnerCount[], t: RenderTarget) => t.write(`${JSON.stringify(ps, null, 2)}\n`),
};

/** Renderers of one release (show). */
export const showFormats = {
  text: (r: ArchivedRelease, t: RenderTarget) => t.write(showText(r, t.s, t.prefix)),
  json: (r: ArchivedRelease, t: RenderTarget) => t.write(`${JSON.stringify({ ...toEntry(r), body: r.body }, null, 2)}\n`),
};

/** Renderers of check results. */
export const issueFormats = {
  text: (issues: Issue[], files: number, t: RenderTarget, linesOf?: LinesOf) => t.write(issuesText(issues, files, t.s, t.prefix, linesOf)),
  json: (issues: Issue[], files: number, t: RenderTarget) => t.write(issuesJson(issues, files)),
  github: (issues: Issue[], files: number, t: RenderTarget) => t.write(issuesGithub(issues, files, t.prefix)),
};

/** The `--format` names a map offers, for commander's choices. */
export function formatNames(map: object): string[] {
  return Object.keys(map);
}
