import type { Registry } from './registry.js';
import type { ArchivedRelease, ArchiveSettings, Issue, Period, Release } from './types.js';

/** Issues by file, then line and column. */
export function compareIssues(a: Issue, b: Issue): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

/** The period of a release: its event, or its publication date. */
export function periodOf(r: Release): Period {
  return r.event ? { start: r.event.start, end: r.event.end } : { start: r.date, end: r.date };
}

/** Newest period first; ties by publication date, then path, so the order is always the same. */
export function compareNewestFirst(a: ArchivedRelease, b: ArchivedRelease): number {
  if (a.period.start !== b.period.start) return a.period.start < b.period.start ? 1 : -1;
  if (a.period.end !== b.period.end) return a.period.end < b.period.end ? 1 : -1;
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

function unknownPartnerIssues(release: Release, registry: Registry): Issue[] {
  if (registry.isEmpty) return [];
  return release.partners
    .filter((p) => !registry.resolve(p))
    .map((name) => {
      const near = registry.suggest(name);
      return {
        file: release.path,
        severity: 'warning' as const,
        code: 'unknown-partner',
        field: 'partners',
        message: `partner "${name}" is not in partners.yml${near ? ` (did you mean "${near.name}", id ${near.id}?)` : ''}`,
        hint: near
          ? `write "${near.name}", or add "${name}" to the aliases of ${near.id} in partners.yml`
          : `add it to partners.yml with its names in every language`,
      };
    });
}

/** The error of a file refused because `keeper`, first by path, has the same id. */
export function refusedDuplicate(id: string, file: string, keeper: string): Issue {
  return {
    file,
    severity: 'error',
    code: 'duplicate-id',
    field: 'id',
    message: `the id "${id}" is also used by ${keeper}`,
    hint: `give one of the two files another id: (or another file name); ${keeper} keeps it`,
  };
}

/**
 * Places releases in their archive: applies the default language, finds duplicate ids
 * (the first file by path keeps the id, the others are refused), links translations and,
 * given a registry, warns about partners it does not know. Works on the releases in place:
 * at 100k releases a copy of each costs ~100 MB.
 */
export function linkArchive(
  releases: Release[],
  settings: ArchiveSettings,
  registry: Registry | null,
): { releases: ArchivedRelease[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const byId = new Map<string, Release>();
  const kept: ArchivedRelease[] = [];
  releases.sort((a, b) => (a.path < b.path ? -1 : 1));
  for (const r of releases) {
    const first = byId.get(r.id);
    if (first) {
      issues.push(refusedDuplicate(r.id, r.path, first.path));
      issues.push({
        file: first.path,
        severity: 'error',
        code: 'duplicate-id',
        field: 'id',
        message: `the id "${r.id}" is also used by ${r.path}`,
        hint: `give one of the two files another id: (or another file name)`,
      });
      continue;
    }
    byId.set(r.id, r);
    if (registry) issues.push(...unknownPartnerIssues(r, registry));
    const a = r as ArchivedRelease;
    a.lang = r.lang ?? settings.lang;
    a.period = periodOf(r);
    a.translations = [];
    kept.push(a);
  }
  const groups = new Map<string, ArchivedRelease[]>();
  for (const r of kept) {
    if (r.translationKey) groups.set(r.translationKey, [...(groups.get(r.translationKey) ?? []), r]);
  }
  for (const [key, group] of groups) {
    const langs = new Set<string>();
    for (const r of group) {
      if (langs.has(r.lang)) {
        issues.push({
          file: r.path,
          severity: 'warning',
          code: 'translation-same-lang',
          field: 'translation_key',
          message: `another release in ${r.lang} shares translation_key "${key}"`,
          hint: 'give each language version a different lang:, or a different translation_key',
        });
      }
      langs.add(r.lang);
      r.translations = group
        .filter((o) => o !== r)
        .map((o) => ({ lang: o.lang, id: o.id }))
        .sort((a, b) => (a.lang < b.lang ? -1 : a.lang > b.lang ? 1 : a.id < b.id ? -1 : 1));
    }
  }
  kept.sort(compareNewestFirst);
  return { releases: kept, issues };
}
