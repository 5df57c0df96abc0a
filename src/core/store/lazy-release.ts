import type { ArchivedRelease, Period, ReleaseEvent, TranslationRef } from '../types.js';
import { readBody } from './documents.js';

const UNLINKED: Period = Object.freeze({ start: '', end: '' });

/** Reads bodies from an archive folder, keeping the last few (the pages of an export ask twice). */
export class BodySource {
  private readonly kept = new Map<string, string>();

  constructor(
    private readonly dir: string,
    private readonly keep = 64,
  ) {}

  read(path: string, bodyLine: number): string {
    let body = this.kept.get(path);
    if (body === undefined) {
      body = readBody(`${this.dir}/${path}`, bodyLine);
      if (this.kept.size >= this.keep) this.kept.delete(this.kept.keys().next().value!);
      this.kept.set(path, body);
    }
    return body;
  }
}

/**
 * A release loaded from the index whose `body` is read from its file when asked for: at
 * 100k releases the bodies are ~500 MB as JavaScript strings, and `list`, `partners` and
 * `show` need none or one. `body` is an accessor of the class, so objects keep one shape
 * (a getter defined on each object made V8 store them as dictionaries: +70 MB at 100k).
 * Like any prototype getter, it is not copied by `{ ...release }` or `JSON.stringify`.
 */
export class LazyBodyRelease implements ArchivedRelease {
  lang: string;
  // Set when the release is linked; a shared placeholder keeps one object shape meanwhile.
  period: Period = UNLINKED;
  translations: TranslationRef[] = [];
  #body: string | undefined;
  readonly #source: BodySource;

  constructor(
    source: BodySource,
    public id: string,
    public path: string,
    public title: string,
    public date: string,
    public event: ReleaseEvent | null,
    public partners: string[],
    public people: string[],
    public tags: string[],
    lang: string | null,
    public summary: string | null,
    public translationKey: string | null,
    public bodyLine: number,
    public extra: Record<string, unknown>,
    public dateFromFileName: boolean,
  ) {
    this.#source = source;
    this.lang = lang as string; // the archive's default is applied when the release is linked
  }

  get body(): string {
    return this.#body ?? this.#source.read(this.path, this.bodyLine);
  }

  set body(value: string) {
    this.#body = value;
  }
}
