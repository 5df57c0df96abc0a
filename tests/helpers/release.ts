import { Registry } from '../../src/core/registry.js';
import type { ArchivedRelease } from '../../src/core/types.js';

/** What a test release must be given: the rest has plain defaults (see `archived`). */
export type ReleaseBase = Partial<ArchivedRelease> & Pick<ArchivedRelease, 'id' | 'title' | 'date'>;

/**
 * A release as the archive gives it, for tests of what is made from releases. Unless `base`
 * says otherwise: in `<year>/<id>.md`, one day long (its period is `base.date`), no event,
 * partners, people or tags, Macedonian, no summary, the text "Text." from line 5. `over`
 * then sets what a test is about; the keys stay in the order the loader gives them.
 */
export function archived(base: ReleaseBase, over: Partial<ArchivedRelease> = {}): ArchivedRelease {
  const { id, title, date, ...rest } = base;
  return {
    id,
    path: `${date.slice(0, 4)}/${id}.md`,
    title,
    date,
    event: null,
    partners: [],
    people: [],
    tags: [],
    lang: 'mk',
    summary: null,
    translationKey: null,
    body: 'Text.',
    bodyLine: 5,
    extra: {},
    dateFromFileName: false,
    period: { start: date, end: date },
    translations: [],
    ...rest,
    ...over,
  };
}

/** The settings of the test archive: named Архива, in Macedonian, without a base URL. */
export const settings = { name: 'Архива', lang: 'mk', baseUrl: null };

/** A registry of one partner, the OSCE mission, with its Macedonian abbreviation as an alias. */
export const registry = new Registry([{ id: 'osce-skopje', name: 'OSCE Mission to Skopje', aliases: ['ОБСЕ'] }]);
