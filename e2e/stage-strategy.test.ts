import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../apps/server/src/platform/db/query.js';
import { loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';
import { answered, eventually } from './settle.js';

let fixture: BrowserFixture;

beforeAll(async () => {
  fixture = await startBrowserFixture({ customerCount: 30 });
});
afterAll(() => fixture?.close());

describe('stage strategy in the browser', () => {
  it('the admin sets the interested stage’s cadence to 5 days; a customer 12 days without follow-up shows the hint and the filter finds it', async () => {
    const db = fixture.database.db;
    const [customer] = await queryRows<{ id: string; name: string }>(
      db,
      sql`select c.id, c.name from customers c where c.owner_id is not null and c.deleted_at is null
           order by c.id limit 1`,
    );
    expect(customer).toBeDefined();
    await db.execute(
      sql`update customers set stage = 'interested', last_follow_up_at = now() - interval '12 days 1 hour'
           where id = ${customer!.id}`,
    );

    const context = await fixture.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await loginAs(page, fixture.baseUrl, 'admin');
    await page.goto(`${fixture.baseUrl}/settings/lifecycle`);
    const cadence = page.getByTestId('strategy-interested').getByTestId('strategy-cadence');
    await cadence.fill('5');
    await answered(page, 'PUT /lifecycle/stage-strategies', page.getByTestId('strategy-save'));

    await page.goto(`${fixture.baseUrl}/customers/${customer!.id}`);
    await eventually(() => page.getByTestId('follow-up-cadence').innerText()).toContain(
      '应每 5 天跟进一次，已 12 天未跟进',
    );

    await page.goto(`${fixture.baseUrl}/customers`);
    await answered(page, 'GET /customers?followUpOverdue=true', page.getByTestId('customer-filter-follow-up-overdue'));
    await eventually(() => page.getByTestId('customer-table').innerText()).toContain(customer!.name);
    await context.close();
  });
});
