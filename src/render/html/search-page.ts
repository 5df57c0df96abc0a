import type { SitePlan } from '../../core/export/site-plan.js';
import { esc } from './escape.js';
import { page } from './layout.js';
import { frame } from './frame.js';
import { searchStrings } from './search-strings.js';
import { languageName, type UiStrings } from './strings.js';

/** The scripts of the search page, in order: the engine, the page's glue, then the data it starts from (it calls the glue). */
export const SEARCH_SCRIPTS = ['assets/search-engine.js', 'assets/search.js', 'search/meta.js'];

/**
 * The search form: a plain GET form to `search.html`, so it works without JavaScript from
 * any page (the index has it too); on the search page (`withResults`, the page that has the
 * results list it controls) the script answers as one types.
 */
export function searchForm(plan: SitePlan, t: UiStrings, root: string, withResults = false): string {
  const s = searchStrings(t.lang);
  const option = (value: string, label: string, lang?: string) =>
    `<option value="${esc(value)}"${lang ? ` lang="${esc(lang)}"` : ''}>${esc(label)}</option>`;
  const select = (id: string, name: string, label: string, options: string[]) =>
    `<div class="field"><label for="${id}">${esc(label)}</label><select id="${id}" name="${name}">${option('', t.all)}${options.join('')}</select></div>`;
  const input = (id: string, name: string, label: string, type: string) =>
    `<div class="field"><label for="${id}">${esc(label)}</label><input type="${type}" id="${id}" name="${name}" autocomplete="off"></div>`;
  return `<form role="search" id="search" class="search" action="${esc(root)}search.html" method="get">
<div class="field query"><label for="q">${esc(t.searchLabel)}</label>
<div class="query-row"><input type="search" id="q" name="q" autocomplete="off" spellcheck="false" placeholder="${esc(t.searchPlaceholder)}" aria-describedby="q-help"${withResults ? ' aria-controls="results"' : ''}><button type="submit">${esc(s.go)}</button></div></div>
<p id="q-help" class="help">${esc(t.searchHelp)}</p>
<fieldset class="filters"><legend>${esc(t.filters)}</legend>
${select(
  'f-year',
  'year',
  t.year,
  plan.years.map((y) => option(y.year, y.year)),
)}
${select(
  'f-partner',
  'partner',
  t.partner,
  plan.partners.map((p) => option(p.slug, p.name)),
)}
${select(
  'f-lang',
  'lang',
  t.language,
  plan.langs.map((l) => option(l, languageName(l), l)),
)}
${input('f-from', 'from', s.from, 'date')}
${input('f-to', 'to', s.to, 'date')}
${input('f-person', 'person', s.person, 'text')}
${input('f-tag', 'tag', s.tag, 'text')}
</fieldset>
</form>`;
}

/** `search.html`: the form, a live status, the results (title, period, place, partners, language, excerpt), and "show more". */
export function searchPage(plan: SitePlan, baseUrl: string | null): string {
  const s = searchStrings(plan.settings.lang);
  const f = frame(plan, '', `${s.title} — ${plan.settings.name}`, 'search.html', baseUrl);
  const t = f.t;
  const main = `<h1>${esc(s.title)}</h1>
${searchForm(plan, t, '', true)}
<noscript><p class="help">${esc(t.noScript)}</p></noscript>
<p id="status" class="status" role="status" aria-live="polite" aria-atomic="true" data-loading="${esc(s.working)}" data-none="${esc(t.noMatch)}" data-one="${esc(t.results(1))}" data-many="${esc(t.results(2).replace('2', '{n}'))}"></p>
<ol id="results" class="releases results" aria-labelledby="status"></ol>
<p class="more-row"><button type="button" id="more" hidden>${esc(s.more)}</button></p>`;
  return page({ ...f, scripts: SEARCH_SCRIPTS }, main);
}
