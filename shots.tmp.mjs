import { chromium } from 'playwright-core';
const [site, out, ...pages] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (const [w, h, tag] of [[1280, 900, 'desk'], [390, 844, 'phone']]) {
  const ctx = await browser.newContext({ viewport: { width: w, height: h }, deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  const errs = [];
  page.on('pageerror', (e) => errs.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errs.push(m.text()));
  for (const p of pages) {
    await page.goto(`file://${site}/${p}`);
    await page.waitForLoadState('load');
    const name = `${out}/${tag}-${p.replace(/[\/?#=&]/g, '_')}.png`;
    await page.screenshot({ path: name, fullPage: true });
  }
  if (errs.length) console.log(tag, errs);
  await ctx.close();
}
await browser.close();
