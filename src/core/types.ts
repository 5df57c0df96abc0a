/** A calendar date written `YYYY-MM-DD`: never a `Date`, so no time zone can move it. */
export type CalendarDate = string;

/** How bad a problem in the data is: errors make `check` fail, warnings do not. */
export type Severity = 'error' | 'warning';

/** A problem found in the data, with where it is and what to do about it. */
export interface Issue {
  /** Path relative to the archive folder, with `/` separators. */
  file: string;
  line?: number;
  column?: number;
  /** The front-matter field the problem is about, when there is one. */
  field?: string;
  severity: Severity;
  /** A stable identifier for the kind of problem, e.g. `duplicate-id`. */
  code: string;
  /** What happened, as a sentence. */
  message: string;
  /** What to do about it. */
  hint?: string;
}

/** The days a release is about: its event, or its publication date. Both ends inclusive. */
export interface Period {
  start: CalendarDate;
  end: CalendarDate;
}

/** The event a release reports on. */
export interface ReleaseEvent {
  start: CalendarDate;
  end: CalendarDate;
  location: string | null;
}

/** Another language version of the same release (same `translation_key`). */
export interface TranslationRef {
  lang: string;
  id: string;
}

/** One release as read from its file. */
export interface Release {
  id: string;
  /** Path relative to the archive folder, with `/` separators. */
  path: string;
  title: string;
  date: CalendarDate;
  event: ReleaseEvent | null;
  partners: string[];
  people: string[];
  tags: string[];
  /** The file's `lang`, or null when it relies on the archive's default. */
  lang: string | null;
  summary: string | null;
  translationKey: string | null;
  /** Markdown body, without the front matter. */
  body: string;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
  /** Front-matter fields the tool does not know, kept as written. */
  extra: Record<string, unknown>;
  /** True when `date` came from the file name because the front matter had none. */
  dateFromFileName: boolean;
}

/** A release placed in its archive: default language applied, translations linked. */
export interface ArchivedRelease extends Release {
  lang: string;
  period: Period;
  translations: TranslationRef[];
}

/** The result of reading one file: a release when it could be read, and its problems. */
export interface FileResult {
  path: string;
  release: Release | null;
  issues: Issue[];
}

/** Settings from `archive.yml`. */
export interface ArchiveSettings {
  name: string;
  lang: string;
  baseUrl: string | null;
}

/** One partner of the registry in `partners.yml`. */
export interface RegistryPartner {
  id: string;
  name: string;
  aliases: string[];
}
