/**
 * Checks of our own beside axe-core (tests/helpers/axe.ts), stricter where axe only warns: the checks
 * run inside the page. `pageProblems` is passed to `page.evaluate` and must stay
 * self-contained (no imports, no outer variables).
 *
 * - color-contrast: every visible text (HTML and SVG `<text>`) against the background it is
 *   painted on (ancestors' background colours, alpha blended): 4.5:1, 3:1 for large text.
 * - landmarks: one banner, one main, one contentinfo; every visible text inside a landmark.
 * - page: `<html lang>`, a `<title>`, one `<h1>`, no duplicate ids, headings not skipped.
 * - names: every link and button has text or a label; every form field has a label.
 * - aria-hidden-focus: nothing focusable inside `aria-hidden`.
 */
export function pageProblems(): string[] {
  const problems: string[] = [];
  const parse = (c: string): number[] => {
    const m = /rgba?\(([^)]+)\)/.exec(c);
    if (!m) return [0, 0, 0, 0];
    const parts = m[1]!
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    return [parts[0]!, parts[1]!, parts[2]!, parts.length > 3 ? parts[3]! : 1];
  };
  const blend = (top: number[], bottom: number[]): number[] => {
    const a = top[3]!;
    return [0, 1, 2].map((i) => top[i]! * a + bottom[i]! * (1 - a)).concat(1);
  };
  const background = (el: Element): number[] => {
    const layers: number[][] = [];
    for (let e: Element | null = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c[3]! > 0) layers.push(c);
      if (c[3] === 1) break;
    }
    let out = [255, 255, 255, 1];
    for (const layer of layers.reverse()) out = blend(layer, out);
    return out;
  };
  const luminance = (c: number[]) => {
    const [r, g, b] = c.slice(0, 3).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const ratio = (a: number[], b: number[]) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi! + 0.05) / (lo! + 0.05);
  };
  const visible = (el: Element) => {
    const style = getComputedStyle(el);
    return (
      el.getClientRects().length > 0 &&
      style.visibility !== 'hidden' &&
      Number(style.opacity) > 0 &&
      !el.closest('[hidden], details:not([open]) > :not(summary)')
    );
  };
  const landmarks =
    'header.banner, body > header, nav, main, footer, [role="search"], [role="banner"], [role="main"], [role="contentinfo"], [role="navigation"]';

  for (const el of document.body.querySelectorAll('*')) {
    const text = [...el.childNodes]
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent ?? '')
      .join('')
      .trim();
    if (!text || !visible(el) || ['SCRIPT', 'STYLE', 'TITLE', 'OPTION'].includes(el.tagName) || el.tagName === 'title') continue;
    const style = getComputedStyle(el);
    const svg = el instanceof SVGElement;
    const fg = parse(svg ? style.fill : style.color);
    const bg = background(svg ? el.closest('svg')!.parentElement! : el);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const r = ratio(blend(fg, bg), bg);
    if (r < (large ? 3 : 4.5))
      problems.push(
        `color-contrast ${r.toFixed(2)}: <${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> "${text.slice(0, 40)}" (${style.color}${svg ? ` fill ${style.fill}` : ''} on rgb(${bg.slice(0, 3).map(Math.round).join(', ')}))`,
      );
    if (!el.closest(landmarks) && !el.matches('.skip')) problems.push(`region: "${text.slice(0, 40)}" is outside every landmark`);
  }
  for (const [selector, name] of [
    ['header.banner', 'banner'],
    ['main', 'main'],
    ['footer', 'contentinfo'],
  ] as const) {
    if (document.querySelectorAll(selector).length !== 1) problems.push(`landmark: ${document.querySelectorAll(selector).length} ${name}`);
  }
  if (!document.documentElement.lang) problems.push('html-has-lang');
  if (!document.title.trim()) problems.push('document-title');
  if (document.querySelectorAll('h1').length !== 1) problems.push(`page-has-heading-one: ${document.querySelectorAll('h1').length}`);
  let level = 0;
  for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    const l = Number(h.tagName[1]);
    if (l > level + 1) problems.push(`heading-order: h${l} after h${level}`);
    level = l;
  }
  const ids = new Map<string, number>();
  for (const el of document.querySelectorAll('[id]')) ids.set(el.id, (ids.get(el.id) ?? 0) + 1);
  for (const [id, n] of ids) if (n > 1) problems.push(`duplicate-id: ${id} ×${n}`);
  for (const a of document.querySelectorAll('a[href], button')) {
    const name = (a.getAttribute('aria-label') ?? a.textContent ?? '').trim();
    if (!name) problems.push(`link-name: ${a.outerHTML.slice(0, 80)}`);
  }
  for (const field of document.querySelectorAll('input:not([type="hidden"]), select, textarea')) {
    if (!(field as HTMLInputElement).labels?.length && !field.getAttribute('aria-label'))
      problems.push(`label: ${field.outerHTML.slice(0, 80)}`);
  }
  for (const hidden of document.querySelectorAll('[aria-hidden="true"]')) {
    for (const f of hidden.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')) {
      if (f.getAttribute('tabindex') !== '-1') problems.push(`aria-hidden-focus: ${f.outerHTML.slice(0, 80)}`);
    }
  }
  return problems;
}
