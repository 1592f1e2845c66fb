import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../apps/server/src/platform/db/query.js';
import { api, loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';
import { answered, clickWhenStill, eventually, still } from './settle.js';

let fixture: BrowserFixture;

beforeAll(async () => {
  fixture = await startBrowserFixture({ customerCount: 30 });
});
afterAll(() => fixture?.close());

/** ¥23.8万 / ¥8,500 as the header shows money (platform/money.ts, compact). */
const compact = (fen: number) => {
  const yuan = fen / 100;
  const isCompact = Math.abs(yuan) >= 10_000;
  return new Intl.NumberFormat('zh-CN', {
    style: 'currency',
    currency: 'CNY',
    currencyDisplay: 'narrowSymbol',
    ...(isCompact ? { notation: 'compact' as const } : {}),
    minimumFractionDigits: 0,
    maximumFractionDigits: isCompact ? 1 : 0,
  }).format(yuan);
};

describe('the customer page as the 360° work view', () => {
  it('shows the key numbers and quick actions, takes a file, lists the activity and saves a region', async () => {
    const db = fixture.database.db;
    // A company with bought orders in the demo, and what its orders and opportunities add up to.
    const [customer] = await queryRows<{ id: string; bought: number; owed: number; open: number }>(
      db,
      sql`select c.id,
            (select coalesce(sum(total_fen), 0) from orders o where o.org_id = c.org_id and o.customer_id = c.id
               and o.deleted_at is null and o.currency = 'CNY' and o.status in ('confirmed', 'shipped', 'completed'))::float8 as bought,
            (select coalesce(sum(greatest(total_fen - paid_fen, 0)), 0) from orders o where o.org_id = c.org_id
               and o.customer_id = c.id and o.deleted_at is null and o.currency = 'CNY'
               and o.status in ('confirmed', 'shipped', 'completed'))::float8 as owed,
            (select coalesce(sum(amount_fen), 0) from opportunities p where p.org_id = c.org_id and p.customer_id = c.id
               and p.deleted_at is null and p.status = 'open' and p.currency = 'CNY')::float8 as open
          from customers c
         where c.deleted_at is null and c.kind = 'company' and c.owner_id is not null
           and exists (select 1 from orders o where o.org_id = c.org_id and o.customer_id = c.id
                        and o.status in ('confirmed', 'shipped', 'completed') and o.deleted_at is null)
         order by c.id limit 1`,
    );
    expect(customer).toBeDefined();
    const id = customer!.id;

    const context = await fixture.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await loginAs(page, fixture.baseUrl, 'admin');
    await page.goto(`${fixture.baseUrl}/customers/${id}`);

    // The header's numbers are the records' sums, money in 万 at a glance.
    await eventually(() => page.getByTestId('summary-bought').innerText()).toBe(compact(customer!.bought));
    await eventually(() => page.getByTestId('summary-owed').innerText()).toBe(compact(customer!.owed));
    expect(await page.getByTestId('summary-open-opportunities').innerText()).toContain(compact(customer!.open));
    const summary = await api(page, 'GET', `/api/v1/customers/${id}/summary`);
    expect(await page.getByTestId('summary-reclaim').innerText()).toContain(
      summary.daysUntilReclaim === null
        ? '不会被回收'
        : summary.daysUntilReclaim <= 0
          ? '已到期'
          : String(summary.daysUntilReclaim),
    );
    expect(await page.getByTestId('summary-owner').innerText()).toBe(summary.ownerName);

    // Quick actions: the administrator may do all of them.
    const actions = page.getByTestId('customer-quick-actions');
    for (const action of ['quick-follow-up', 'quick-opportunity', 'quick-order', 'quick-task'])
      await actions.getByTestId(action).waitFor();
    if (summary.phone) expect(await actions.getByTestId('quick-call').getAttribute('href')).toMatch(/^tel:\+?\d+$/);
    // "写跟进" opens the follow-up form on the timeline, which comes first.
    await actions.getByTestId('quick-follow-up').click();
    await page.getByTestId('follow-up-content').waitFor();
    await page.keyboard.press('Escape');
    await still(page);
    // The timeline tells the orders in sentences.
    await eventually(() => page.locator('[data-kind="order_created"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-kind="order_created"]').first().innerText()).toMatch(/^创建订单 \S+，金额 ¥/);
    // "新建任务" opens the task drawer linked to this customer.
    await actions.getByTestId('quick-task').click();
    await page.getByTestId('task-title').waitFor();
    await page.keyboard.press('Escape');
    await still(page);

    // Attachments: upload a file, it is listed.
    await page.getByRole('tab', { name: '附件' }).click();
    const input = page.getByTestId('customer-attachments').locator('input[type=file]');
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/customers/${id}/attachments`) && r.request().method() === 'POST'),
      input.setInputFiles({ name: '合同.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') }),
    ]);
    await eventually(() => page.getByTestId('customer-attachment').allInnerTexts()).toEqual([
      expect.stringContaining('合同.pdf'),
    ]);

    // The region cascader saves names and the division code.
    // Each column is clicked once the drawer and the popup have stopped moving: a click while the
    // drawer still slides in lands beside the popup and closes it.
    await page.getByTestId('customer-edit').click();
    await clickWhenStill(page.getByTestId('customer-region'));
    for (const name of ['江苏省', '苏州市', '虎丘区']) {
      await clickWhenStill(page.locator('.ant-cascader-menu-item', { hasText: new RegExp(`^${name}$`) }));
    }
    await answered(page, 'PATCH /customers/*', page.getByTestId('customer-submit'));
    const saved = await api(page, 'GET', `/api/v1/customers/${id}`);
    expect(saved).toMatchObject({ province: '江苏省', city: '苏州市', district: '虎丘区', regionCode: '320505' });

    // Activity: the edit as "省份：… → 江苏省".
    await page.getByRole('tab', { name: '操作记录' }).click();
    const activity = page.getByTestId('customer-activity');
    await eventually(() => activity.getByTestId('activity-entry').first().innerText()).toContain('江苏省');
    expect(await activity.getByTestId('activity-entry').first().innerText()).toContain('省份');
    await context.close();
  });

  it('shows lost as a red status, not as the last step of the progression', async () => {
    const context = await fixture.browser.newContext();
    const page = await context.newPage();
    await loginAs(page, fixture.baseUrl, 'admin');
    const [active, lost] = await queryRows<{ id: string; org_id: string; stage: string }>(
      fixture.database.db,
      sql`select id, org_id, stage from customers where stage <> 'lost' and deleted_at is null order by id limit 2`,
    );
    // The second is lost from its stage (as an approved move leaves it).
    await fixture.database.db.execute(
      sql`insert into stage_transitions (org_id, id, customer_id, from_stage, to_stage, at, reason)
          values (${lost!.org_id}, gen_random_uuid(), ${lost!.id}, ${lost!.stage}, 'lost', now(), '预算取消')`,
    );
    await fixture.database.db.execute(
      sql`update customers set stage = 'lost', stage_entered_at = now() where id = ${lost!.id}`,
    );
    await page.goto(`${fixture.baseUrl}/customers/${active!.id}`);
    const steps = page.getByTestId('stage-bar').locator('.ant-steps-item-title');
    await eventually(() => steps.allInnerTexts()).toEqual(['潜在客户', '意向客户', '初次购买客户', '历史客户（复购）']);
    expect(await page.getByTestId('stage-lost').count()).toBe(0);
    if (lost) {
      await page.goto(`${fixture.baseUrl}/customers/${lost.id}`);
      await page.getByTestId('stage-lost').waitFor();
      expect(await steps.allInnerTexts()).not.toContain('流失客户');
      expect(await page.getByTestId('stage-bar').locator('.ant-steps-item-error').count()).toBe(1);
    }
    await context.close();
  });
});
