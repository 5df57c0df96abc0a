import { parseDate, parseRange } from './dates.js';
import type { FrontMatter } from './frontmatter.js';
import type { CalendarDate, Issue, ReleaseEvent } from './types.js';

/** Reads typed values out of parsed front matter, recording a located `Issue` for each problem. */
export class FieldReader {
  readonly issues: Issue[] = [];

  constructor(
    private readonly file: string,
    private readonly fm: FrontMatter,
  ) {}

  report(path: (string | number)[], code: string, message: string, hint?: string, severity: Issue['severity'] = 'error'): void {
    const at = this.fm.locate(path) ?? this.fm.locate(path.slice(0, 1)) ?? { line: 2, column: 1 };
    this.issues.push({ file: this.file, line: at.line, column: at.column, field: path.join('.'), severity, code, message, hint });
  }

  private describe(value: unknown): string {
    if (Array.isArray(value)) return 'a list';
    if (value === null) return 'empty';
    if (typeof value === 'object') return 'a set of fields';
    return `the ${typeof value} ${JSON.stringify(value)}`;
  }

  /** A text field; numbers are taken as their text. Empty text counts as absent. */
  text(path: (string | number)[], value: unknown): string | null {
    if (value === undefined || value === null) return null;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (typeof value !== 'string') {
      this.report(
        path,
        'wrong-type',
        `${path.join('.')} should be text, but it is ${this.describe(value)}`,
        'write it as one line of text, quoted if it contains ": "',
      );
      return null;
    }
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  }

  /** A list of names; one text is read as a one-item list. */
  list(field: string, value: unknown): string[] {
    if (value === undefined || value === null) return [];
    if (typeof value === 'object' && !Array.isArray(value)) {
      this.report(
        [field],
        'wrong-type',
        `${field} should be a list of names, but it is a set of fields`,
        `write ${field}: [First name, Second name]`,
      );
      return [];
    }
    const items = Array.isArray(value) ? value : [value];
    const out: string[] = [];
    items.forEach((item, i) => {
      const path = Array.isArray(value) ? [field, i] : [field];
      const text = typeof item === 'string' || typeof item === 'number' ? String(item).trim() : null;
      if (typeof item === 'number') {
        // Read as its text, as before, but never silently: `partners: 42` is seldom a name.
        this.report(
          path,
          'not-text',
          `${field} should hold names, but ${Array.isArray(value) ? 'an item' : 'it'} is the number ${String(item)}: read as the name "${text}"`,
          `write the name itself, or quote it if ${text} is the name: ${field}: ["${text}"]`,
          'warning',
        );
      }
      if (text === null) {
        this.report(
          path,
          'wrong-type',
          `${field} should be a list of names, but an item is ${this.describe(item)}`,
          `write ${field}: [First name, Second name]`,
        );
      } else if (text !== '' && !out.includes(text)) {
        out.push(text);
      }
    });
    return out;
  }

  /** A calendar date as written, or null (with an issue) when it cannot be read. */
  date(path: (string | number)[], value: unknown): CalendarDate | null {
    if (typeof value === 'number') {
      this.report(
        path,
        'wrong-type',
        `${path.join('.')} should be a date, but it is the number ${value}`,
        'write the date as YYYY-MM-DD or D.M.YYYY',
      );
      return null;
    }
    if (typeof value !== 'string') {
      this.report(
        path,
        'wrong-type',
        `${path.join('.')} should be a date, but it is ${this.describe(value)}`,
        'write the date as YYYY-MM-DD or D.M.YYYY',
      );
      return null;
    }
    const result = parseDate(value);
    if (result.ok) return result.date;
    if (result.problem === 'impossible') {
      this.report(
        path,
        'impossible-date',
        `${path.join('.')} ${JSON.stringify(value)} is not a day of the calendar`,
        'check the day and the month (day-first dates are D.M.YYYY)',
      );
    } else {
      this.report(
        path,
        'unreadable-date',
        `${path.join('.')} ${JSON.stringify(value)} cannot be read as a date`,
        'write the date as YYYY-MM-DD or D.M.YYYY',
      );
    }
    return null;
  }

  /** The event: a set of fields (start, end, location) or a range written as text. */
  event(value: unknown): ReleaseEvent | null {
    if (value === undefined || value === null) return null;
    if (typeof value === 'string') {
      const range = parseRange(value);
      if (!range.ok) {
        this.report(
          ['event'],
          range.problem === 'impossible' ? 'impossible-date' : 'unreadable-date',
          `event ${JSON.stringify(value)} cannot be read as a date or a date range`,
          'write event: with start: and end: dates below it',
        );
        return null;
      }
      return this.ordered({ ...range.period, location: null });
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
      this.report(
        ['event'],
        'wrong-type',
        `event should be a set of fields (start, end, location), but it is ${this.describe(value)}`,
        'write event: with start:, end: and location: indented below it',
      );
      return null;
    }
    const ev = value as Record<string, unknown>;
    if (ev.start === undefined || ev.start === null) {
      this.report(['event'], 'missing-field', 'event has no start date', 'add start: YYYY-MM-DD under event:');
      return null;
    }
    const start = this.date(['event', 'start'], ev.start);
    const end = ev.end === undefined || ev.end === null ? start : this.date(['event', 'end'], ev.end);
    const location = this.text(['event', 'location'], ev.location);
    if (!start || !end) return null;
    return this.ordered({ start, end, location });
  }

  private ordered(ev: ReleaseEvent): ReleaseEvent | null {
    if (ev.end < ev.start) {
      this.report(
        ['event', 'end'],
        'event-ends-before-start',
        `the event ends (${ev.end}) before it starts (${ev.start})`,
        'swap the two dates, or correct the one that is wrong',
      );
      return null;
    }
    return ev;
  }
}
