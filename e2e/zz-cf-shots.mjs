import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:3201';
const out = '/tmp/shots-customfields';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const call = (page, method, url, body) =>
  page.evaluate(async ([m, u, b]) => {
    const r = await fetch(u, { method: m, headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest' }, body: b ? JSON.stringify(b) : undefined });
    return { status: r.status, body: r.status === 204 ? null : await r.json() };
  }, [method, url, body]);
const ctx0 = await browser.newContext();
const p0 = await ctx0.newPage();
await p0.goto(base + '/login');
await call(p0, 'POST', '/api/v1/auth/login', { username: 'admin', password: 'guanxi-demo' });
const existing = (await call(p0, 'GET', '/api/v1/custom-fields?entity=customer')).body.items;
if (existing.length === 0) {
  await call(p0, 'POST', '/api/v1/custom-fields', { entity: 'customer', label: '客户等级', labelEn: 'Grade', type: 'select', showInList: true, required: true,
    options: [{ value: 'gold', label: '金牌', labelEn: 'Gold', active: true }, { value: 'silver', label: '银牌', labelEn: 'Silver', active: true }] });
  await call(p0, 'POST', '/api/v1/custom-fields', { entity: 'customer', label: '喜好的茶', labelEn: 'Favourite tea', type: 'text' });
  await call(p0, 'POST', '/api/v1/custom-fields', { entity: 'customer', label: '年采购预算', labelEn: 'Annual budget', type: 'money', showInList: true });
  await call(p0, 'POST', '/api/v1/custom-fields', { entity: 'customer', label: '对接同事', labelEn: 'Liaison', type: 'person' });
  await call(p0, 'POST', '/api/v1/custom-fields', { entity: 'customer', label: '签约日期', labelEn: 'Signed on', type: 'date' });
}
const dir = (await call(p0, 'GET', '/api/v1/users/directory')).body.items;
const list = (await call(p0, 'GET', '/api/v1/customers?limit=1')).body.items[0];
const c = (await call(p0, 'GET', `/api/v1/customers/${list.id}`)).body;
const upd = await call(p0, 'PATCH', `/api/v1/customers/${c.id}`, { customFields: { ke_hu_deng_ji: 'gold', xi_hao_de_cha: '龙井', nian_cai_gou_yu_suan: 12345600, dui_jie_tong_shi: dir[0].id, qian_yue_ri_qi: '2026-03-01' }, version: c.version });
console.log('update', upd.status, JSON.stringify(upd.body).slice(0, 200));
await ctx0.close();
for (const locale of ['zh-CN', 'en']) {
  for (const [w, h] of [[1440, 900], [390, 844]]) {
    const ctx = await browser.newContext({ viewport: { width: w, height: h } });
    const page = await ctx.newPage();
    await page.goto(base + '/login');
    await call(page, 'POST', '/api/v1/auth/login', { username: 'admin', password: 'guanxi-demo' });
    await call(page, 'PATCH', '/api/v1/auth/me', { locale });
    const tag = `${locale}-${w}`;
    await page.goto(base + '/settings/custom-fields'); await page.waitForTimeout(2500);
    await page.screenshot({ path: `${out}/settings-${tag}.png`, fullPage: true });
    await page.getByTestId('custom-field').first().getByRole('button').first().click(); await page.waitForTimeout(1200);
    await page.screenshot({ path: `${out}/settings-edit-${tag}.png` });
    await page.goto(base + `/customers/${c.id}`); await page.waitForTimeout(3000);
    await page.screenshot({ path: `${out}/detail-${tag}.png`, fullPage: true });
    await page.getByTestId('customer-edit').click(); await page.waitForTimeout(1500);
    const drawer = page.locator('.ant-drawer-body');
    await drawer.evaluate((el) => el.scrollTo(0, el.scrollHeight)); await page.waitForTimeout(500);
    await page.screenshot({ path: `${out}/form-${tag}.png` });
    await page.goto(base + '/customers?cf=ke_hu_deng_ji:gold'); await page.waitForTimeout(3000);
    const toggle = page.getByTestId('customer-more-filters-toggle');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/list-${tag}.png`, fullPage: true });
    await ctx.close();
  }
}
await browser.close();
