import type { TranslationRef } from '../types.js';
import type { ArchiveIndex } from './store.js';

/** The ids in the index that start with `prefix` (a new file's name and its -2, -3… variants). */
export function idsWithPrefix(index: ArchiveIndex, prefix: string): Set<string> {
  const rows = index.db.prepare('SELECT rid FROM files WHERE rid >= ? AND rid < ?').pluck().all(prefix, `${prefix}\uffff`);
  return new Set(rows as string[]);
}

/** The releases (id, and language or `defaultLang`) that share the translation key `key`, each once. */
export function translationSiblings(index: ArchiveIndex, key: string, defaultLang: string): TranslationRef[] {
  const seen = new Set<string>();
  const out: TranslationRef[] = [];
  for (const [id, lang] of index.db.prepare('SELECT rid, lang FROM files WHERE tkey = ? AND rid IS NOT NULL').raw().all(key) as [
    string,
    string | null,
  ][]) {
    if (!seen.has(id)) out.push({ lang: lang ?? defaultLang, id });
    seen.add(id);
  }
  return out;
}
