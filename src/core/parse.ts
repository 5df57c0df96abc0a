import { parseDate } from './dates.js';
import { FieldReader } from './fields.js';
import { splitFrontMatter } from './frontmatter.js';
import { lookalikeIssues } from './lookalike.js';
import { dateFromSitePath, withSiteFields } from './site-fields.js';
import { idFromPath } from './release-id.js';
import type { FileResult, Issue, Release } from './types.js';

/** The front-matter fields the tool reads; every other field is kept in `extra`. */
export const KNOWN_FIELDS = ['id', 'title', 'date', 'event', 'partners', 'people', 'tags', 'lang', 'summary', 'translation_key'];

import { LANG_CODE as LANG } from './lang.js';
const FILE_DATE = /^(\d{4}-\d{2}-\d{2})/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes UTF-8, or names the line of the first byte that is not UTF-8. */
function decode(file: string, bytes: Uint8Array): { ok: true; text: string } | { ok: false; issue: Issue } {
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const bad = lenient.indexOf('\ufffd');
    const line = lenient.slice(0, Math.max(bad, 0)).split('\n').length;
    return {
      ok: false,
      issue: {
        file,
        line,
        column: 1,
        severity: 'error',
        code: 'not-utf8',
        message: 'the file is not UTF-8 text',
        hint: 'save it again as UTF-8 (in most editors: Save with encoding → UTF-8)',
      },
    };
  }
}

export { idFromPath } from './release-id.js';

/** Ids end up in URLs and file names, so they may not hold separators or control characters. */
export function idProblem(id: string): string | null {
  if (id === '.' || id === '..') return 'is not a usable id';
  if (/[/\\]/.test(id)) return 'contains a slash';
  if (/[\u0000-\u001f\u007f]/.test(id)) return 'contains a control character';
  if (id.length > 200) return 'is longer than 200 characters';
  return null;
}

/**
 * Reads one release file. Never throws: every problem becomes an `Issue`. `fastYaml: false`
 * reads all YAML with the full parser (the tests compare the two).
 */
export function parseReleaseFile(path: string, bytes: Uint8Array, options: { fastYaml?: boolean } = {}): FileResult {
  const decoded = decode(path, bytes);
  if (!decoded.ok) return { path, release: null, issues: [decoded.issue] };
  const text = decoded.text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  if (text.includes('\u0000')) {
    const line = text.slice(0, text.indexOf('\u0000')).split('\n').length;
    return {
      path,
      release: null,
      issues: [
        {
          file: path,
          line,
          column: 1,
          severity: 'error',
          code: 'nul-byte',
          message: 'the file contains a NUL byte: it is not a text file',
          hint: 'remove the file from the archive, or save it again as plain UTF-8 text',
        },
      ],
    };
  }
  const split = splitFrontMatter(path, text, options.fastYaml ?? true);
  if (!split.ok) return { path, release: null, issues: split.issues };
  const fm = withSiteFields(split.value);
  const data = fm.data;
  const r = new FieldReader(path, fm);

  const title = r.text(['title'], data.title);
  if (!title && !r.issues.some((i) => i.field === 'title')) {
    r.report(
      ['title'],
      'missing-field',
      data.title === undefined ? 'the release has no title' : 'the title is empty',
      "add title: followed by the release's headline",
    );
  }

  let date = data.date === undefined || data.date === null ? null : r.date(['date'], data.date);
  const fileDate = FILE_DATE.exec(idFromPath(path));
  let dateFromFileName = false;
  if ((data.date === undefined || data.date === null) && fileDate) {
    const fromName = parseDate(fileDate[1]);
    if (fromName.ok) {
      date = fromName.date;
      dateFromFileName = true;
      r.report(
        ['title'],
        'date-from-file-name',
        `no date: field, so the date ${date} is taken from the file name`,
        `add date: ${date} to the front matter`,
        'warning',
      );
    }
  }
  const pathDate = (data.date === undefined || data.date === null) && !fileDate ? dateFromSitePath(data.path) : null;
  if (pathDate) {
    date = pathDate;
    r.report(
      ['path'],
      'date-from-path',
      `no date: field, so the date ${date} is taken from path`,
      `add date: ${date} to the front matter`,
      'warning',
    );
  }
  if (!date && !r.issues.some((i) => i.field === 'date')) {
    r.report(['title'], 'missing-field', 'the release has no date', 'add date: YYYY-MM-DD (the publication date)');
  }
  if (date && fileDate && !dateFromFileName && fileDate[1] !== date && parseDate(fileDate[1]).ok) {
    r.report(
      ['date'],
      'file-name-date-differs',
      `the file name says ${fileDate[1]} but date: is ${date}`,
      'rename the file or correct the date',
      'warning',
    );
  }

  const event = r.event(data.event);
  const partners = r.list('partners', data.partners);
  const people = r.list('people', data.people);
  const tags = r.list('tags', data.tags);
  const summary = r.text(['summary'], data.summary);
  const translationKey = r.text(['translation_key'], data.translation_key);
  let lang = r.text(['lang'], data.lang);
  if (lang && !LANG.test(lang)) {
    r.report(['lang'], 'bad-lang', `lang ${JSON.stringify(lang)} is not a language code`, 'use a code such as mk, sq or en');
    lang = null;
  }
  let id = r.text(['id'], data.id) ?? idFromPath(path);
  const badId = idProblem(id);
  if (badId) {
    r.report(['id'], 'bad-id', `the id ${JSON.stringify(id)} ${badId}`, 'use letters, digits and dashes');
    id = idFromPath(path);
  }

  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    // defineProperty, so a `__proto__` field stays a field and never becomes a prototype.
    if (!KNOWN_FIELDS.includes(key)) Object.defineProperty(extra, key, { value, enumerable: true, writable: true, configurable: true });
  }
  if (fm.body.trim() === '') {
    r.issues.push({
      file: path,
      line: fm.bodyLine - 1,
      column: 1,
      severity: 'warning',
      code: 'empty-body',
      message: 'the release has no text below the front matter',
      hint: "write the release's text after the closing --- line",
    });
  }
  const issues = [
    ...fm.warnings,
    ...r.issues,
    ...lookalikeIssues(path, fm, { title, summary, partners, people, tags, location: event?.location ?? null }, text),
  ];
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  if (!title || !date || issues.some((i) => i.severity === 'error')) return { path, release: null, issues };
  const release: Release = {
    id,
    path,
    title,
    date,
    event,
    partners,
    people,
    tags,
    lang,
    summary,
    translationKey,
    body: fm.body,
    bodyLine: fm.bodyLine,
    extra,
    dateFromFileName,
  };
  return { path, release, issues };
}
