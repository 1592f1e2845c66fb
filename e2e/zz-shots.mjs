import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:3111';
const out = process.argv[2] || '/tmp/shots';
const user = process.argv[3] || 'east.rep1';
const paths = (process.argv[4] || '/orders/new').split(',');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (const locale of ['zh-CN', 'en']) {
  for (const [w, h] of [[1440, 900], [390, 844]]) {
    const ctx = await browser.newContext({ viewport: { width: w, height: h } });
    const page = await ctx.newPage();
    await page.goto(base + '/login');
    await page.evaluate(async ([u]) => {
      await fetch('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: u, password: 'guanxi-demo' }) });
    }, [user]);
    await page.evaluate(async (l) => fetch('/api/v1/auth/me', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ locale: l }) }), locale);
    for (const p of paths) {
      let url = p;
      if (p.includes('CUSTOMER')) {
        const me = await page.evaluate(async () => (await (await fetch('/api/v1/auth/me')).json()));
        const list = await page.evaluate(async () => (await (await fetch('/api/v1/customers?limit=100')).json()));
        const c = list.items.find((x) => x.ownerId === me.id && x.stage !== 'lost');
        url = p.replace('CUSTOMER', c.id);
      }
      await page.goto(base + url);
      await page.waitForTimeout(2500);
      if (process.env.PICK) {
        const sel = page.getByTestId('order-line-product').first();
        await sel.click(); await page.keyboard.type('P-100'); await page.waitForTimeout(1200); await page.keyboard.press('Enter');
        await page.waitForTimeout(800);
        await page.getByTestId('order-line-quantity').first().fill('3');
        await page.getByTestId('order-line-price').first().fill('100');
        await page.waitForTimeout(1500);
      }
      const over = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      const name = `${out}/${url.replace(/[^a-z0-9]+/gi, '_').slice(0, 40)}-${locale}-${w}.png`;
      await page.screenshot({ path: name, fullPage: true });
      console.log(name, 'overflow', over);
    }
    await ctx.close();
  }
}
await browser.close();
