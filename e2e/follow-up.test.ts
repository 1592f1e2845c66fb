import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../apps/server/src/platform/db/query.js';
import { api, loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';
import { answered, eventually } from './settle.js';

/** A 1 × 1 PNG, as a phone camera's photo stands in for one. */
const PNG_PIXEL = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

let fixture: BrowserFixture;

beforeAll(async () => {
  fixture = await startBrowserFixture({ customerCount: 30 });
});
afterAll(() => fixture?.close());

describe('follow-ups in the browser', () => {
  it('east.rep1 logs a follow-up and the reclaim badge goes back to the full period', async () => {
    const db = fixture.database.db;
    // One of rep1's open customers without follow-ups, held for 20 days (pool default: 30 days).
    const [customer] = await queryRows<{ id: string }>(
      db,
      sql`select c.id from customers c join users u on u.org_id = c.org_id and u.id = c.owner_id
           where u.username = 'east.rep1' and c.stage in ('prospect', 'interested') and not c.locked and c.deleted_at is null
             and not exists (select 1 from follow_ups f where f.org_id = c.org_id and f.customer_id = c.id)
           order by c.id limit 1`,
    );
    expect(customer).toBeDefined();
    await db.execute(
      sql`update customers set owned_since = now() - interval '20 days', last_follow_up_at = null, tier = null where id = ${customer!.id}`,
    );

    const context = await fixture.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await loginAs(page, fixture.baseUrl, 'east.rep1');
    await page.goto(`${fixture.baseUrl}/customers/${customer!.id}`);
    const badge = page.getByTestId('reclaim-badge');
    await eventually(() => badge.innerText()).toContain('10');

    await page.getByRole('tab', { name: '时间线' }).click();
    await page.getByTestId('follow-up-log').click();
    await page.getByTestId('follow-up-content').fill('电话回访，客户确认下周看样品');
    await answered(page, 'POST /follow-ups', page.getByTestId('follow-up-submit'));

    await eventually(() => page.getByTestId('follow-up-entry').allInnerTexts()).toEqual([
      expect.stringContaining('电话回访'),
    ]);
    await eventually(() => badge.innerText()).toContain('30');

    // The author corrects the follow-up: the form opens prefilled and the PATCH carries its version.
    const entry = page.getByTestId('follow-up-entry').first();
    await entry.getByTestId('follow-up-edit').click();
    const content = page.getByTestId('follow-up-content');
    await eventually(() => content.inputValue()).toBe('电话回访，客户确认下周看样品');
    await content.fill('电话回访，客户改约下下周看样品');
    await answered(page, 'PATCH /follow-ups/*', page.getByTestId('follow-up-submit'));
    await eventually(() => page.getByTestId('follow-up-entry').allInnerTexts()).toEqual([
      expect.stringContaining('改约下下周'),
    ]);

    // …and adds a photo to it afterwards (a 1×1 PNG: the server checks the magic bytes).
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    await answered(page, 'POST /follow-ups/*/attachments', () =>
      entry.locator('input[type=file]').setInputFiles({ name: '样品.png', mimeType: 'image/png', buffer: png }),
    );
    await entry.getByRole('link', { name: '样品.png' }).waitFor();
    const [stored] = await queryRows<{ content: string; version: number; files: number }>(
      db,
      sql`select f.content, f.version,
                 (select count(*)::int from attachments a where a.org_id = f.org_id and a.entity = 'follow_up' and a.entity_id = f.id) as files
            from follow_ups f where f.customer_id = ${customer!.id} and f.deleted_at is null`,
    );
    expect(stored).toMatchObject({ content: '电话回访，客户改约下下周看样品', files: 1 });
    await context.close();
  });

  it('east.rep1 checks in at a customer from a phone with the browser position; the manager sees the visit', async () => {
    const context = await fixture.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      geolocation: { latitude: 31.2304, longitude: 121.4737, accuracy: 20 },
      permissions: ['geolocation'],
    });
    const page = await context.newPage();
    await loginAs(page, fixture.baseUrl, 'east.rep1');
    const [customer] = await queryRows<{ id: string; name: string }>(
      fixture.database.db,
      sql`select c.id, c.name from customers c join users u on u.org_id = c.org_id and u.id = c.owner_id
           where u.username = 'east.rep1' and c.deleted_at is null order by c.id desc limit 1`,
    );
    await page.goto(`${fixture.baseUrl}/check-in?customerId=${customer!.id}`);
    await page.getByTestId('check-in-locate').click();
    await page.getByText('31.23040').waitFor();
    // The position opens in a map app (no key needed), as GPS coordinates.
    expect(await page.getByTestId('check-in-map').getAttribute('href')).toBe(
      'https://uri.amap.com/marker?position=121.4737,31.2304&coordinate=wgs84&callnative=1',
    );
    await page.getByTestId('check-in-note').fill('现场拜访，演示新品');
    // A photo from the camera (the input asks for the rear camera) goes with the visit's follow-up.
    expect(await page.getByTestId('check-in-photo-input').getAttribute('capture')).toBe('environment');
    await page.getByTestId('check-in-photo-input').setInputFiles({
      name: '门头.png',
      mimeType: 'image/png',
      buffer: Buffer.from(PNG_PIXEL, 'base64'),
    });
    await eventually(() => page.getByTestId('check-in-photo-preview').count()).toBe(1);
    await answered(page, 'POST /follow-ups/*/attachments', page.getByTestId('check-in-submit'));
    await page.getByTestId('check-in-visit').waitFor();
    const visits = await api(page, 'GET', `/api/v1/visits?customerId=${customer!.id}`);
    const followUp = await api(page, 'GET', `/api/v1/follow-ups/${visits.items[0].followUpId}`);
    expect(followUp.attachments).toMatchObject([{ fileName: '门头.png' }]);
    expect(await page.getByTestId('check-in-photo-preview').count()).toBe(0);
    await context.close();

    const managerContext = await fixture.browser.newContext();
    const manager = await managerContext.newPage();
    await loginAs(manager, fixture.baseUrl, 'east.manager');
    await manager.goto(`${fixture.baseUrl}/team-activity`);
    await eventually(() => manager.getByTestId('team-visits-table').innerText()).toContain(customer!.name);
    await managerContext.close();
  });
});
