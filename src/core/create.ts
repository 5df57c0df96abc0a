import { Document, parse, visit } from 'yaml';
import { parseReleaseFile } from './parse.js';
import { fileSlug } from './slug.js';
import type { FileResult, Release } from './types.js';

/** What `add` knows about a new release before it becomes a file (`lang` null: the archive's default). */
export type ReleaseDraft = Pick<
  Release,
  'title' | 'date' | 'event' | 'partners' | 'people' | 'tags' | 'lang' | 'summary' | 'translationKey' | 'body'
>;

/** The front-matter fields of a draft, in the SPEC's order, leaving out what is empty. */
export function frontMatterData(d: ReleaseDraft): Record<string, unknown> {
  const data: Record<string, unknown> = { title: d.title, date: d.date };
  if (d.event) {
    const event: Record<string, unknown> = { start: d.event.start };
    if (d.event.end !== d.event.start) event.end = d.event.end;
    if (d.event.location) event.location = d.event.location;
    data.event = event;
  }
  if (d.partners.length) data.partners = d.partners;
  if (d.people.length) data.people = d.people;
  if (d.tags.length) data.tags = d.tags;
  if (d.lang) data.lang = d.lang;
  if (d.summary) data.summary = d.summary;
  if (d.translationKey) data.translation_key = d.translationKey;
  return data;
}

/** True when a plain (unquoted) scalar would be read back as something other than this text. */
function wouldRetype(text: string): boolean {
  for (const version of ['1.1', '1.2'] as const) {
    try {
      if (parse(text, { version, logLevel: 'silent' }) !== text) return true;
    } catch {
      return true;
    }
  }
  return false;
}

/**
 * Front matter as YAML that YAML 1.1 (js-yaml, gray-matter) and YAML 1.2 parsers read back
 * the same: every text that either would read as a date, number, boolean or null, or that
 * is not plain text at all, is double-quoted.
 */
export function stringifyFrontMatter(data: Record<string, unknown>): string {
  const doc = new Document(data, { version: '1.1' });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && wouldRetype(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  // lineWidth 0: a long title stays on one line, so grep finds it.
  return doc.toString({ lineWidth: 0 });
}

/** The whole text of a release file: front matter, a blank line, the body, a final newline. */
export function releaseText(d: ReleaseDraft): string {
  const body = d.body.replace(/\r\n?/g, '\n').replace(/^\n+/, '').replace(/\s+$/, '');
  return `---\n${stringifyFrontMatter(frontMatterData(d))}---\n\n${body}${body ? '\n' : ''}`;
}

/** Where a draft goes in the archive, by convention: `YYYY/` and the name without `.md`. */
export function plannedName(d: ReleaseDraft): { folder: string; base: string } {
  return { folder: d.date.slice(0, 4), base: `${d.date}-${fileSlug(d.title)}` };
}

/** Validates a new file's text with the same reader `check` uses, as if it were at `path`. */
export function validateText(path: string, text: string): FileResult {
  return parseReleaseFile(path, new TextEncoder().encode(text));
}

/** Splits comma-separated answers into trimmed, non-empty, distinct items. */
export function splitList(values: string[]): string[] {
  const out: string[] = [];
  for (const v of values.flatMap((x) => x.split(','))) {
    const t = v.trim();
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}
