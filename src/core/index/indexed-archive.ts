import type { Archive } from '../archive.js';
import type { ArchivedRelease, ArchiveSettings, Issue, Release } from '../types.js';
import { compareNewestFirst } from '../validate.js';
import { BodySource, LazyBodyRelease } from './lazy-release.js';
import { cachedArchiveConfig } from './session.js';
import type { ArchiveIndex } from './store.js';

function compareIssues(a: Issue, b: Issue): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

/** One copy of each repeated short string (partner, person and tag names, dates, languages). */
class Strings {
  private readonly seen = new Map<string, string>();
  one(text: string): string {
    const kept = this.seen.get(text);
    if (kept !== undefined) return kept;
    this.seen.set(text, text);
    return text;
  }
  all(list: string[]): string[] {
    for (let i = 0; i < list.length; i++) list[i] = this.one(list[i]);
    return list;
  }
}

/**
 * `linkArchive` (same rules: the first file by path keeps a duplicate id, default language,
 * period, translations, the same issues) done on the releases in place: at 100k releases a
 * copy of each costs ~100 MB. The registry's "unknown partner" warnings are left to `check`:
 * they cost a name fold per partner of every release, and read commands never show them.
 */
function linkInPlace(releases: Release[], settings: ArchiveSettings): { releases: ArchivedRelease[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const byId = new Map<string, Release>();
  const kept: ArchivedRelease[] = [];
  releases.sort((a, b) => (a.path < b.path ? -1 : 1));
  for (const r of releases) {
    const first = byId.get(r.id);
    if (first) {
      issues.push({ file: r.path, severity: 'error', code: 'duplicate-id', field: 'id', message: `the id "${r.id}" is also used by ${first.path}`, hint: `give one of the two files another id: (or another file name); ${first.path} keeps it` });
      issues.push({ file: first.path, severity: 'error', code: 'duplicate-id', field: 'id', message: `the id "${r.id}" is also used by ${r.path}`, hint: `give one of the two files another id: (or another file name)` });
      continue;
    }
    byId.set(r.id, r);
    const a = r as ArchivedRelease;
    a.lang = r.lang ?? settings.lang;
    a.period = r.event ? { start: r.event.start, end: r.event.end } : { start: r.date, end: r.date };
    a.translations ??= [];
    kept.push(a);
  }
  const groups = new Map<string, ArchivedRelease[]>();
  for (const r of kept) if (r.translationKey) groups.set(r.translationKey, [...(groups.get(r.translationKey) ?? []), r]);
  for (const [key, group] of groups) {
    const langs = new Set<string>();
    for (const r of group) {
      if (langs.has(r.lang)) issues.push({ file: r.path, severity: 'warning', code: 'translation-same-lang', field: 'translation_key', message: `another release in ${r.lang} shares translation_key "${key}"`, hint: 'give each language version a different lang:, or a different translation_key' });
      langs.add(r.lang);
      r.translations = group.filter((o) => o !== r).map((o) => ({ lang: o.lang, id: o.id })).sort((a, b) => (a.lang < b.lang ? -1 : a.lang > b.lang ? 1 : a.id < b.id ? -1 : 1));
    }
  }
  kept.sort(compareNewestFirst);
  return { releases: kept, issues };
}

/**
 * The archive as `loadArchive` reads it, from the index: brought up to date first (only new
 * and changed files are parsed, on worker threads when there are many), then every stored
 * release in one statement, without bodies. Bodies are read from the files on demand.
 * `issues` holds every file's own problems, the settings' and registry's, duplicate ids and
 * translation keys; not the cross-file "unknown partner" warnings, which `check` reports.
 */
export async function loadIndexedArchive(index: ArchiveIndex, dir: string, trustFolders = false): Promise<Archive> {
  const stats = await index.refresh(dir, trustFolders);
  const { settings, registry, issues: configIssues } = cachedArchiveConfig(index, dir);
  const issues = [...configIssues];
  const releases: Release[] = [];
  const strings = new Strings();
  const source = new BodySource(dir.replace(/[/\\]+$/, '') || dir);
  for (const result of index.results((...fields) => new LazyBodyRelease(source, ...fields))) {
    for (const i of result.issues) issues.push(i);
    const r = result.release;
    if (!r) continue;
    strings.all(r.partners);
    strings.all(r.people);
    strings.all(r.tags);
    r.date = strings.one(r.date);
    if (r.lang) r.lang = strings.one(r.lang);
    if (r.event) {
      r.event.start = strings.one(r.event.start);
      r.event.end = strings.one(r.event.end);
      if (r.event.location) r.event.location = strings.one(r.event.location);
    }
    releases.push(r);
  }
  const linked = linkInPlace(releases, settings);
  for (const i of linked.issues) issues.push(i);
  issues.sort(compareIssues);
  return { dir, settings, registry, releases: linked.releases, issues, fileCount: stats.files };
}
