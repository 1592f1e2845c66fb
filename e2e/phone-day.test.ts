import { sql } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../apps/server/src/platform/db/query.js';
import { api, loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';
import { answered, clickWhenStill, eventually } from './settle.js';

const PNG_PIXEL = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

let fixture: BrowserFixture;

beforeAll(async () => {
  fixture = await startBrowserFixture();
});
afterAll(() => fixture?.close());

/** A phone in the hand: 390 × 844, touch, in China, with a GPS position. */
async function phone(username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await fixture.browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    timezoneId: 'Asia/Shanghai',
    geolocation: { latitude: 31.2304, longitude: 121.4737, accuracy: 20 },
    permissions: ['geolocation'],
  });
  const page = await context.newPage();
  await loginAs(page, fixture.baseUrl, username);
  return { context, page };
}

/** Nothing on the page is wider than the phone's screen. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  await eventually(() => page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBe(0);
}

/** A day in the organization's time zone (Asia/Shanghai), `days` from today. */
const shanghaiDate = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + days * 86_400_000));

describe('the salesperson’s day on a phone', () => {
  it('to-do → call → follow-up with next contact → check-in; the manager approves from the card', async () => {
    const [customer, lost] = await queryRows<{ id: string; name: string }>(
      fixture.database.db,
      sql`select c.id, c.name from customers c join users u on u.org_id = c.org_id and u.id = c.owner_id
           where u.username = 'east.rep1' and c.deleted_at is null order by c.id limit 2`,
    );
    // The customer was due for a call an hour ago.
    await fixture.database.db.execute(
      sql`update customers set next_contact_at = now() - interval '1 hour' where id = ${customer!.id}`,
    );

    const rep = await phone('east.rep1');
    const page = rep.page;
    await api(page, 'POST', '/api/v1/contacts', {
      customerId: customer!.id,
      name: '王采购',
      mobile: '13912345678',
      isPrimary: true,
    });
    // What the inbox answers for the item: the primary contact's mobile, to dial.
    const inbox = await api(page, 'GET', '/api/v1/todos/inbox?limit=10');
    const overdue = inbox.sections.find((s: { key: string }) => s.key === 'contactOverdue');
    const item = overdue.items.find((i: { entityId: string }) => i.entityId === customer!.id);
    expect(item.params).toMatchObject({ tel: '+8613912345678', phone: '13912345678', contactName: '王采购' });

    // 1. The inbox: the customer to call, with a call button that dials the number.
    await page.goto(`${fixture.baseUrl}/inbox`);
    const row = page.getByTestId('inbox-contactOverdue').getByTestId('inbox-item').filter({ hasText: customer!.name });
    await row.waitFor();
    await expectNoSidewaysScroll(page);
    const call = row.getByTestId('inbox-call');
    expect(await call.getAttribute('href')).toBe(`tel:${item.params.tel}`);
    // Thumb-sized: at least 44 px tall.
    expect((await call.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    // The tap hands the number to the phone's dialer; headless Chromium has none, so the test stands in for it.
    await page.evaluate(() =>
      document.addEventListener('click', (e) => {
        if ((e.target as Element).closest('a[href^="tel:"]')) e.preventDefault();
      }),
    );
    await call.tap();
    expect(new URL(page.url()).pathname).toBe('/inbox');

    // 2. The follow-up, written from the item: the form fills the screen; the next contact moves on.
    await clickWhenStill(row.getByTestId('inbox-follow-up'));
    const content = page.getByTestId('follow-up-content');
    await content.waitFor();
    // (Once its opening animation is over.)
    await eventually(async () => (await page.locator('.ant-modal').boundingBox())?.width).toBe(390);
    await content.fill('电话联系王采购，约后天上午再谈报价');
    const next = `${shanghaiDate(2)} 10:00`;
    const nextInput = page.getByTestId('follow-up-next');
    await nextInput.click();
    await nextInput.fill(next);
    await nextInput.press('Enter');
    await expectNoSidewaysScroll(page);
    const saved = await answered(page, 'POST /follow-ups', page.getByTestId('follow-up-submit'));
    expect((await saved.json()).nextContactAt).toBe(new Date(`${shanghaiDate(2)}T10:00:00+08:00`).toISOString());
    // Back in the inbox, the customer is no longer overdue for contact.
    await eventually(
      async () =>
        (await page.getByTestId('inbox-contactOverdue').count()) === 0 ||
        !(await page.getByTestId('inbox-contactOverdue').innerText()).includes(customer!.name),
    ).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/inbox');
    await expectNoSidewaysScroll(page);

    // 3. At the customer's office: check in with the position and a photo.
    await page.goto(`${fixture.baseUrl}/check-in?customerId=${customer!.id}`);
    await page.getByTestId('check-in-locate').click();
    await page.getByText('31.23040').waitFor();
    await page.getByTestId('check-in-note').fill('上门拜访王采购');
    await page.getByTestId('check-in-photo-input').setInputFiles({
      name: '门头.png',
      mimeType: 'image/png',
      buffer: Buffer.from(PNG_PIXEL, 'base64'),
    });
    await eventually(() => page.getByTestId('check-in-photo-preview').count()).toBe(1);
    await expectNoSidewaysScroll(page);
    await answered(page, 'POST /visits', page.getByTestId('check-in-submit'));
    await page.getByTestId('check-in-visit').waitFor();
    await expectNoSidewaysScroll(page);

    // A move to "lost" waits for the manager.
    await api(page, 'POST', `/api/v1/customers/${lost!.id}/stage-transitions`, { to: 'lost', reason: '客户已停业' });
    await rep.context.close();

    // 4. The manager, on a phone: the approval card, approved right there.
    const manager = await phone('east.manager');
    await manager.page.goto(`${fixture.baseUrl}/approvals`);
    const card = manager.page.getByTestId('approval-table').locator('.ant-card', { hasText: lost!.name });
    await card.waitFor();
    await expectNoSidewaysScroll(manager.page);
    await clickWhenStill(card);
    const drawer = manager.page.getByTestId('approval-detail');
    await drawer.getByTestId('approval-card-approve').waitFor();
    await expectNoSidewaysScroll(manager.page);
    await answered(manager.page, 'POST /approvals/*/approve', drawer.getByTestId('approval-card-approve'));
    await eventually(() => drawer.innerText()).toContain('已通过');
    await expectNoSidewaysScroll(manager.page);
    expect((await api(manager.page, 'GET', `/api/v1/customers/${lost!.id}`)).stage).toBe('lost');
    await manager.context.close();
  });
});
