import type { SitePartner } from '../../core/export/site-plan.js';
import { formatMonth } from './date-format.js';
import { esc } from './escape.js';
import type { UiStrings } from './strings.js';

/**
 * Charts drawn at build time as inline SVG: no chart library and no script in the page.
 * Colours come from classes in site.css (inline styles would break the CSP).
 */

/** Bars of releases per month, a year label under each January (or the first month). */
export function timelineChart(months: { month: string; count: number }[], t: UiStrings, lang: string): string {
  if (!months.length) return '';
  const bar = 8;
  const gap = 2;
  const height = 120;
  const max = Math.max(...months.map((m) => m.count), 1);
  const width = months.length * (bar + gap);
  const total = months.reduce((n, m) => n + m.count, 0);
  const desc = t.timelineDesc(total, formatMonth(months[0].month, lang), formatMonth(months[months.length - 1].month, lang));
  const bars = months.map((m, i) => {
    const h = m.count ? Math.max(2, Math.round((m.count / max) * height)) : 0;
    const x = i * (bar + gap);
    const label = `${formatMonth(m.month, lang)}: ${m.count}`;
    const year = m.month.endsWith('-01') || i === 0 ? `<text x="${x}" y="${height + 16}" class="axis">${esc(m.month.slice(0, 4))}</text>` : '';
    return `<g><title>${esc(label)}</title><rect x="${x}" y="${height - h}" width="${bar}" height="${h}" class="bar"/><rect x="${x}" y="0" width="${bar}" height="${height}" class="hit"/></g>${year}`;
  });
  return `<figure class="chart timeline"><figcaption id="timeline-title">${esc(t.timeline)}</figcaption>
<svg viewBox="0 0 ${Math.max(width, 40)} ${height + 20}" preserveAspectRatio="xMinYMin meet" role="img" aria-labelledby="timeline-title timeline-desc"><desc id="timeline-desc">${esc(desc)}</desc>
<line x1="0" y1="${height}" x2="${width}" y2="${height}" class="baseline"/>${bars.join('')}</svg></figure>`;
}

/** Horizontal bars of the partners with most releases, each a link to its page. */
export function partnerChart(partners: SitePartner[], t: UiStrings, root: string, limit = 10): string {
  const top = partners.filter((p) => p.releases.length > 0).slice(0, limit);
  if (!top.length) return '';
  const row = 26;
  const labelWidth = 260;
  const barMax = 300;
  const max = top[0].releases.length;
  const rows = top.map((p, i) => {
    const y = i * row;
    const w = Math.max(2, Math.round((p.releases.length / max) * barMax));
    const name = p.name.length > 38 ? `${p.name.slice(0, 37)}…` : p.name;
    return `<a href="${esc(`${root}partners/${p.slug}.html`)}"><title>${esc(`${p.name}: ${p.releases.length}`)}</title><text x="0" y="${y + 17}" class="label">${esc(name)}</text><rect x="${labelWidth}" y="${y + 4}" width="${w}" height="${row - 8}" class="bar"/><text x="${labelWidth + w + 6}" y="${y + 17}" class="value">${p.releases.length}</text></a>`;
  });
  return `<figure class="chart partners-chart"><figcaption id="partners-title">${esc(t.partnerChart)}</figcaption>
<svg viewBox="0 0 ${labelWidth + barMax + 50} ${top.length * row}" role="group" aria-labelledby="partners-title">${rows.join('')}</svg></figure>`;
}
