import { fold, transliterate } from './fold.js';

/** The slug used when a title holds nothing that can be written in ASCII. */
export const FALLBACK_SLUG = 'release';

/** How long a URL slug may be. */
const MAX_URL_SLUG_LENGTH = 80;
const PLAIN_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** About how long a slug may be; it is cut at the last word boundary before this. */
export const MAX_SLUG_LENGTH = 60;

// Albanian letters first, so they become their base letter rather than being dropped.
const ALBANIAN: Record<string, string> = { ë: 'e', Ë: 'E', ç: 'c', Ç: 'C' };
const LIGATURES: Record<string, string> = { ß: 'ss', æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', đ: 'dj', Đ: 'Dj', ł: 'l', Ł: 'L', œ: 'oe', Œ: 'OE' };

/**
 * The ASCII slug of a title, for file names: Macedonian Cyrillic written with the official
 * table (`ѓ` → `gj`), Albanian `ë`/`ç` → `e`/`c`, other diacritics removed, lower case,
 * words joined by `-`, at most about 60 characters cut at a word boundary, never empty.
 * Dots and slashes are separators like any other, so `../../etc` gives `etc`.
 */
export function fileSlug(title: string, max = MAX_SLUG_LENGTH): string {
  const latin = transliterate(title.normalize('NFC'))
    .replace(/[ëËçÇ]/g, (ch) => ALBANIAN[ch])
    .replace(/[ßæÆøØđĐłŁœŒ]/g, (ch) => LIGATURES[ch])
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  const words = latin.split(/[^a-z0-9]+/).filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > max) {
      // A first word longer than the limit is cut rather than dropped.
      if (!slug) slug = word.slice(0, max);
      break;
    }
    slug = next;
  }
  return slug || FALLBACK_SLUG;
}

/**
 * A file name's parts for a safe name: the slug of its stem (at most 50 characters) and its
 * extension in lower-case ASCII letters and digits (at most 10), '' when it has none.
 */
export function fileNameParts(name: string): { stem: string; ext: string } {
  const dot = name.lastIndexOf('.');
  const ext =
    dot > 0
      ? name
          .slice(dot + 1)
          .toLowerCase()
          .replace(/[^a-z0-9]/g, '')
          .slice(0, 10)
      : '';
  return { stem: fileSlug(dot > 0 ? name.slice(0, dot) : name, 50), ext };
}

/**
 * The ASCII slug of any name, for a URL: folded as search folds it (Cyrillic written with
 * the Macedonian table, diacritics dropped), everything else turned into dashes, at most 80
 * characters, `fallback` when nothing is left.
 */
export function urlSlug(name: string, fallback = FALLBACK_SLUG): string {
  // Already a slug (most file names): folding changes nothing, so it is skipped (10k page slugs: ~0.1 s).
  if (name.length <= MAX_URL_SLUG_LENGTH && PLAIN_SLUG.test(name)) return name;
  const slug = fold(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_URL_SLUG_LENGTH)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** Hands out URL slugs that are unique among those already taken (`name`, `name-2`, …). */
export class SlugSet {
  private readonly taken = new Set<string>();

  /** Reserves a slug exactly as given (registry ids), returning it. */
  reserve(slug: string): string {
    this.taken.add(slug);
    return slug;
  }

  /** A free slug made from `name`. */
  take(name: string, fallback = 'item'): string {
    const base = urlSlug(name, fallback);
    let slug = base;
    for (let n = 2; this.taken.has(slug); n++) slug = `${base}-${n}`;
    return this.reserve(slug);
  }
}
