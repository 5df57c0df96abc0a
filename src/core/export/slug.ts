import { fold } from '../fold.js';

/**
 * An ASCII slug for a URL from any name: Cyrillic transliterated with the Macedonian table,
 * diacritics dropped, everything else turned into dashes.
 */
export function slugify(name: string, fallback = 'item'): string {
  const slug = fold(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** Hands out slugs that are unique among those already taken (`name`, `name-2`, …). */
export class SlugSet {
  private readonly taken = new Set<string>();

  /** Reserves a slug exactly as given (registry ids), returning it. */
  reserve(slug: string): string {
    this.taken.add(slug);
    return slug;
  }

  /** A free slug made from `name`. */
  take(name: string, fallback?: string): string {
    const base = slugify(name, fallback);
    let slug = base;
    for (let n = 2; this.taken.has(slug); n++) slug = `${base}-${n}`;
    return this.reserve(slug);
  }
}
