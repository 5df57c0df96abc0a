import type { ArchivedRelease, Issue } from '../core/types.js';
import { issuesGithub, issuesJson, issuesText } from './issues.js';
import { jsonArrayChunks, ndjsonChunks, toEntry } from './json.js';
import { showText } from './show.js';
import type { Styler } from './style.js';
import { releaseTableChunks } from './table.js';

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
  table: (rs: ArchivedRelease[], t: RenderTarget): Iterable<string> => releaseTableChunks(rs, t.width, t.s),
  json: (rs: ArchivedRelease[]): Iterable<string> => jsonArrayChunks(rs),
  ndjson: (rs: ArchivedRelease[]): Iterable<string> => ndjsonChunks(rs),
};

/** Renderers of one release (show). */
export const showFormats = {
  text: (r: ArchivedRelease, t: RenderTarget) => t.write(showText(r, t.s, t.prefix)),
  json: (r: ArchivedRelease, t: RenderTarget) => t.write(`${JSON.stringify({ ...toEntry(r), body: r.body }, null, 2)}\n`),
};

/** Renderers of check results. */
export const issueFormats = {
  text: (issues: Issue[], files: number, t: RenderTarget) => t.write(issuesText(issues, files, t.s, t.prefix)),
  json: (issues: Issue[], files: number, t: RenderTarget) => t.write(issuesJson(issues, files)),
  github: (issues: Issue[], files: number, t: RenderTarget) => t.write(issuesGithub(issues, files, t.prefix)),
};

/** The `--format` names a map offers, for commander's choices. */
export function formatNames(map: object): string[] {
  return Object.keys(map);
}
