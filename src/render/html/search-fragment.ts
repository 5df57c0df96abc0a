import type { SitePlan } from '../../core/export/site-plan.js';
import type { Fragment } from '../../core/search/site-format.js';
import { plainText } from '../../core/search/snippet.js';
import type { ArchivedRelease } from '../../core/types.js';
import { formatPeriod } from './date-format.js';

// What the site's search data holds of one release: its texts by index column, and the
// fragment a result shows (format: src/core/search/site-format.ts).

/** How much of a release's text its fragment keeps for excerpts (characters of plain text). */
export const EXCERPT_TEXT = 2400;

/** Every name of a release's partners: registry name, id and aliases, so `ОБСЕ` finds `OSCE`. */
function partnerNames(plan: SitePlan, r: ArchivedRelease): string[] {
  const out: string[] = [];
  for (const p of new Set(r.partners.map((name) => plan.partnerOf(name)))) out.push(p.name, ...p.aliases, ...(p.id ? [p.id] : []));
  // A name as written that the registry spells otherwise still counts.
  for (const name of r.partners) if (!out.includes(name)) out.push(name);
  return out;
}

/** A release's texts, one per index column (site-format.ts COL). */
export function releaseColumns(plan: SitePlan, r: ArchivedRelease, body: string): string[] {
  return [
    r.title,
    partnerNames(plan, r).join(' ; '),
    r.people.join(' ; '),
    r.tags.join(' ; '),
    r.event?.location ?? '',
    r.summary ?? '',
    body,
  ];
}

/** The start of a body's text as its fragment keeps it for excerpts. */
export function excerptOf(body: string): string {
  // Template shortcodes ({{< figure … >}}, {{% note %}}) are markup a reader never sees.
  return plainText(body.slice(0, EXCERPT_TEXT * 4).replace(/\{\{[<%][^}]*[>%]\}\}/g, ' ')).slice(0, EXCERPT_TEXT);
}

/**
 * A release's fragment: its page, title, language, period, place, partners, people, summary
 * and the start of its text (`excerpt`: that of `body`, when made elsewhere).
 */
export function fragmentOf(plan: SitePlan, r: ArchivedRelease, body: string, excerpt?: string): Fragment {
  const shown = [...new Set(r.partners.map((name) => plan.partnerOf(name).name))].join(' · ');
  const text = excerpt ?? excerptOf(body);
  return [
    plan.pageOf(r),
    r.title,
    r.lang,
    formatPeriod(r.period, r.lang),
    r.event?.location ?? '',
    shown,
    r.people.join(' · '),
    r.summary ?? '',
    text,
  ];
}
