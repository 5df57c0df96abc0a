import type { SitePartner } from '../../core/export/site-plan.js';
import { formatMonth } from './date-format.js';
import { esc } from './escape.js';
import type { UiStrings } from './strings.js';

/**
 * Charts drawn at build time as inline SVG: no chart library and no script in the page.
 * Colours come from classes in site.css (inline styles would break the CSP).
 *
 * The SVGs have no viewBox: a viewBox scales text with the chart (7 px year labels at
 * 264 months on a desktop, 3 px on a phone). Here a user unit is a CSS pixel, heights are
 * fixed, and horizontal positions are percentages of the chart's width, so labels keep
 * their 12–14 px at every width and archive size. The SVG is hidden from assistive
 * technology; the table under it (in a `<details>`) carries the same numbers and links.
 */

/** The top of a scale and its step: 1, 2 or 5 × 10ⁿ, at most five steps, at least 0–5. */
export function niceScale(max: number): { top: number; step: number } {
  const m = Math.max(max, 5);
  for (let p = 1; ; p *= 10) {
    for (const k of [1, 2, 5]) {
      const step = k * p;
      if (Math.ceil(m / step) <= 5) return { top: Math.ceil(m / step) * step, step };
    }
  }
}

const STEPS = [1, 2, 5, 10, 20, 25, 50, 100];
/** Plot widths the year labels are thinned for: phone, tablet, desktop (see `.t-n/.t-m/.t-w` in site.css). */
const TIERS: [string, number][] = [
  ['t-n', 248],
  ['t-m', 560],
  ['t-w', 880],
];
/** Room one year label needs, in pixels. */
const LABEL = 40;

/** The classes of a year's label: the widths at which it is shown (every k-th year, k as small as fits). */
export function labelTiers(year: number, years: number): string {
  return TIERS.filter(([, width]) => year % (STEPS.find((s) => Math.ceil(years / s) * LABEL <= width) ?? 1000) === 0)
    .map(([c]) => c)
    .join(' ');
}

/** The plot's top margin and height, in pixels. */
const TOP = 10;
const HEIGHT = 160;

const pct = (x: number) => `${Math.round(x * 1e4) / 1e4}%`;

/** Month counts padded to whole years, January first, so each year gets the same width. */
function wholeYears(months: { month: string; count: number }[]): { month: string; count: number }[] {
  const counts = new Map(months.map((m) => [m.month, m.count]));
  const out: { month: string; count: number }[] = [];
  for (let y = Number(months[0].month.slice(0, 4)); y <= Number(months[months.length - 1].month.slice(0, 4)); y++) {
    for (let m = 1; m <= 12; m++) {
      const key = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
      out.push({ month: key, count: counts.get(key) ?? 0 });
    }
  }
  return out;
}

/** Where the timeline links: the year page (its page holding the month) of a month, the first page of a year. */
export interface TimelineLinks {
  month(month: string): string;
  year(year: string): string;
}

/** Bars of releases per month with a scale, year labels, and a table of the same numbers. */
export function timelineChart(months: { month: string; count: number }[], t: UiStrings, lang: string, links: TimelineLinks): string {
  if (!months.length) return '';
  const all = wholeYears(months);
  const n = all.length;
  const years = n / 12;
  const axis: string[] = [];
  for (let k = 0; k < years; k++) {
    const year = all[k * 12].month.slice(0, 4);
    const tiers = labelTiers(Number(year), years);
    axis.push(
      `<line x1="${pct((k / years) * 100)}" x2="${pct((k / years) * 100)}" y1="${TOP + HEIGHT}" y2="${TOP + HEIGHT + 6}" class="baseline"/>`,
    );
    if (tiers) axis.push(`<text x="${pct(((k + 0.5) / years) * 100)}" y="${TOP + HEIGHT + 22}" class="year ${tiers}">${esc(year)}</text>`);
  }
  const monthly = plot(
    all.map((m) => ({ count: m.count, href: links.month(m.month), title: `${formatMonth(m.month, lang)}: ${m.count}` })),
    axis.join(''),
    'by-month',
  );
  // Past ten years, months are thinner than a pixel on a phone: there, a bar per year.
  const dense = years > 10;
  const yearly = dense
    ? plot(
        Array.from({ length: years }, (_, k) => {
          const name = all[k * 12].month.slice(0, 4);
          const count = all.slice(k * 12, k * 12 + 12).reduce((sum, m) => sum + m.count, 0);
          return { count, href: links.year(name), title: `${name}: ${count}` };
        }),
        axis.join(''),
        'by-year',
      )
    : '';
  const total = all.reduce((sum, m) => sum + m.count, 0);
  const busiest = all.reduce((b, m) => (m.count > b.count ? m : b), all[0]);
  const desc = `${t.timelineDesc(total, formatMonth(months[0].month, lang), formatMonth(months[months.length - 1].month, lang))}; ${t.busiest(formatMonth(busiest.month, lang), busiest.count)}.`;
  const caption = dense
    ? `<span class="by-month">${esc(t.timeline)}</span><span class="by-year">${esc(t.timelineYears)}</span>`
    : esc(t.timeline);
  return `<figure class="chart timeline${dense ? ' dense' : ''}"><figcaption>${caption}</figcaption>
<p class="help">${esc(desc)}</p>
${monthly}${yearly}
${monthTable(all, t, links)}</figure>`;
}

/** One bar chart of the timeline: a nice scale, a bar per slot (titled, linked), the year axis under it. */
function plot(slots: { count: number; href: string; title: string }[], axis: string, cls: string): string {
  const [top, height] = [TOP, HEIGHT];
  const n = slots.length;
  const { top: max, step } = niceScale(Math.max(...slots.map((s) => s.count)));
  const y = (v: number) => Math.round((top + height - (v / max) * height) * 10) / 10;
  const grid: string[] = [];
  for (let v = 0; v <= max; v += step)
    grid.push(
      `<line x1="0" x2="100%" y1="${y(v)}" y2="${y(v)}" class="${v ? 'grid' : 'baseline'}"/><text x="-8" y="${y(v)}" dy="0.35em" class="tick">${v}</text>`,
    );
  const bars = slots.map((s, i) => {
    if (!s.count) return '';
    const h = Math.max(1, (s.count / max) * height);
    return `<a href="${esc(s.href)}" tabindex="-1"><title>${esc(s.title)}</title><rect x="${pct((i / n) * 100)}" y="${top}" width="${pct(100 / n)}" height="${height}" class="hit"/><rect x="${pct(((i + 0.1) / n) * 100)}" y="${Math.round((top + height - h) * 10) / 10}" width="${pct(80 / n)}" height="${Math.round(h * 10) / 10}" class="bar"/></a>`;
  });
  return `<svg class="plot ${cls}" height="${top + height + 30}" aria-hidden="true" focusable="false">${grid.join('')}${bars.join('')}${axis}</svg>`;
}

/** The timeline as a table: a row per year, a column per month, links to the year pages. */
function monthTable(all: { month: string; count: number }[], t: UiStrings, links: TimelineLinks): string {
  const head = `<tr><th scope="col">${esc(t.year)}</th>${t.monthsLabel.map((m) => `<th scope="col">${esc(m)}</th>`).join('')}<th scope="col">${esc(t.home)}</th></tr>`;
  const rows: string[] = [];
  for (let k = all.length - 12; k >= 0; k -= 12) {
    const year = all.slice(k, k + 12);
    const sum = year.reduce((s, m) => s + m.count, 0);
    const name = year[0].month.slice(0, 4);
    const label = sum ? `<a href="${esc(links.year(name))}">${esc(name)}</a>` : esc(name);
    rows.push(`<tr><th scope="row">${label}</th>${year.map((m) => `<td>${m.count}</td>`).join('')}<td>${sum}</td></tr>`);
  }
  return `<details class="chart-table"><summary>${esc(t.chartTable)}</summary><div class="table-scroll"><table><caption>${esc(t.timeline)}</caption><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></div></details>`;
}

/** Horizontal bars of the partners with most releases (name above its bar), each a link to its page. */
export function partnerChart(partners: SitePartner[], t: UiStrings, root: string, limit = 10): string {
  const top = partners.filter((p) => p.releases.length > 0).slice(0, limit);
  if (!top.length) return '';
  const row = 46;
  const { top: max } = niceScale(top[0].releases.length);
  const rows = top.map((p, i) => {
    const y = i * row;
    const w = Math.max(0.5, (p.releases.length / max) * 85);
    const name = p.name.length > 40 ? `${p.name.slice(0, 39)}…` : p.name;
    return `<a href="${esc(`${root}partners/${p.slug}.html`)}" tabindex="-1"><title>${esc(`${p.name}: ${p.releases.length}`)}</title><rect x="0" y="${y}" width="100%" height="${row}" class="hit"/><text x="0" y="${y + 17}" class="label">${esc(name)}</text><rect x="0" y="${y + 24}" width="${pct(w)}" height="14" class="bar"/><text x="${pct(w)}" dx="6" y="${y + 36}" class="value">${p.releases.length}</text></a>`;
  });
  const table = `<details class="chart-table"><summary>${esc(t.chartTable)}</summary><div class="table-scroll"><table><caption>${esc(t.partnerChart)}</caption><thead><tr><th scope="col">${esc(t.partner)}</th><th scope="col">${esc(t.home)}</th></tr></thead><tbody>${top
    .map(
      (p) =>
        `<tr><th scope="row"><a href="${esc(`${root}partners/${p.slug}.html`)}">${esc(p.name)}</a></th><td>${p.releases.length}</td></tr>`,
    )
    .join('')}</tbody></table></div></details>`;
  return `<figure class="chart partners-chart"><figcaption>${esc(t.partnerChart)}</figcaption>
<svg class="plot" height="${top.length * row}" aria-hidden="true" focusable="false">${rows.join('')}</svg>
${table}</figure>`;
}
