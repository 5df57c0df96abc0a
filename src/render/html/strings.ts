import { en } from './strings-en.js';
import { mk } from './strings-mk.js';
import { sq } from './strings-sq.js';
import type { UiStrings } from './ui-strings.js';

export type { UiStrings } from './ui-strings.js';

const TABLE: Record<string, UiStrings> = { mk, sq, en };

/** The site's words for a language (its primary subtag); English when there are none. */
export function ui(lang: string): UiStrings {
  return TABLE[lang.toLowerCase().split('-')[0]] ?? en;
}

/** The name of a language in that language (`mk` → `македонски`), for language links. */
export function languageName(lang: string): string {
  let name = languageNames.get(lang);
  if (name === undefined) {
    try {
      const own = new Intl.DisplayNames([lang], { type: 'language' }).of(lang);
      name = own ? own[0].toLocaleUpperCase(lang) + own.slice(1) : lang;
    } catch {
      name = lang;
    }
    languageNames.set(lang, name);
  }
  return name;
}

const languageNames = new Map<string, string>();
