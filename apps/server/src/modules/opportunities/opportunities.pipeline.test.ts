import { describe, expect, it } from 'vitest';
import { createEventBus, type DomainEvent } from '../../platform/events/index.js';
import { actorOfClient } from '../../test/actors.js';
import type { Client } from '../../test/test-app.js';
import { createOpportunityProgressService } from './opportunities.progress.js';
import { usePersonas } from '../../test/file-context.js';
import { lossReasonId } from './opportunities.fixtures.js';

const { ctx, p } = usePersonas({ customersEach: 2 });

async function open(client: Client, body: Record<string, unknown>) {
  const response = await client.post('/api/v1/opportunities', { name: '项目', ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('opening an opportunity', () => {
  it('moves a prospect customer to interested in the same transaction, logged with the event', async () => {
    const customerId = p.customers.r1[0]!;
    expect((await p.clients.r1.get(`/api/v1/customers/${customerId}`)).json().stage).toBe('prospect');
    const opportunity = await open(p.clients.r1, { customerId, amountFen: 500_000 });
    expect((await p.clients.r1.get(`/api/v1/customers/${customerId}`)).json().stage).toBe('interested');
    const log = (await p.clients.r1.get(`/api/v1/customers/${customerId}/stage-transitions`)).json().items;
    expect(log.at(-1)).toMatchObject({
      from: 'prospect',
      to: 'interested',
      ruleId: 'rule.opportunity_opened',
      triggeringEvent: 'opportunity.opened',
      triggeringEntityId: opportunity.id,
    });
  });
});

describe('winning an opportunity', () => {
  it('publishes opportunity.won with the amount in fen and its currency', async () => {
    const opportunity = await open(p.clients.r1, {
      customerId: p.customers.r1[1]!,
      amountFen: 1_234_567,
      currency: 'USD',
    });
    expect(opportunity).toMatchObject({ amountFen: 1_234_567, currency: 'USD' });
    // The app's own bus is internal: a service on a bus of the test's own records the event.
    const bus = createEventBus();
    const published: DomainEvent<'opportunity.won'>[] = [];
    bus.subscribe('opportunity.won', async (_tx, event) => {
      published.push(event);
    });
    const progress = createOpportunityProgressService({ db: ctx.database.db, events: bus });
    await progress.win(await actorOfClient(ctx, p.clients.r1), opportunity.id, {});
    expect(published).toEqual([
      expect.objectContaining({ opportunityId: opportunity.id, amountFen: 1_234_567, currency: 'USD' }),
    ]);
  });
});

describe('weighted pipeline', () => {
  it('sums open amounts and amount × probability in integer fen per owner, team and stage, within scope', async () => {
    const stages = (await p.clients.r1.get('/api/v1/sales-processes')).json().items[0].stages as {
      id: string;
      probability: number;
    }[];
    // Fresh customers so the earlier test's opportunity does not count.
    const customer = async (client: Client, name: string) =>
      (await client.post('/api/v1/customers', { kind: 'company', name })).json().id as string;
    const c1 = await customer(p.clients.r1, '管道测试一号有限公司');
    const c2 = await customer(p.clients.r2, '管道测试二号有限公司');
    const c3 = await customer(p.clients.r3, '管道测试三号有限公司');
    // ¥10,000.55 at 10 % is 100,005.5 fen: the weighted sums are rounded once, on the total.
    await open(p.clients.r1, { customerId: c1, amountFen: 1_000_055, expectedCloseDate: '2030-01-10' }); // 10 %
    await open(p.clients.r1, {
      customerId: c1,
      amountFen: 2_000_000,
      stageId: stages[2]!.id,
      expectedCloseDate: '2030-01-20',
    }); // 60 %
    await open(p.clients.r2, {
      customerId: c2,
      amountFen: 3_000_000,
      stageId: stages[3]!.id,
      expectedCloseDate: '2030-01-15',
    }); // 80 %
    await open(p.clients.r3, {
      customerId: c3,
      amountFen: 4_000_000,
      stageId: stages[1]!.id,
      expectedCloseDate: '2030-01-15',
    }); // 30 %
    const lost = await open(p.clients.r1, { customerId: c1, amountFen: 9_999_900, expectedCloseDate: '2030-01-15' });
    await p.clients.r1.post(`/api/v1/opportunities/${lost.id}/lost`, {
      lossReasonId: await lossReasonId(p.clients.r1),
    });
    await open(p.clients.r1, { customerId: c1, amountFen: 7_777_700, expectedCloseDate: '2030-03-01' }); // outside the range
    const range = 'from=2030-01-01&to=2030-01-31';

    const byOwner = (await p.clients.eastManager.get(`/api/v1/opportunities/pipeline?groupBy=owner&${range}`)).json();
    const owner = (id: string) => byOwner.groups.find((g: { key: string }) => g.key === id);
    expect(owner(p.users.r1.id)).toMatchObject({ count: 2, amountFen: 3_000_055, weightedAmountFen: 1_300_006 });
    expect(owner(p.users.r2.id)).toMatchObject({ count: 1, amountFen: 3_000_000, weightedAmountFen: 2_400_000 });
    expect(owner(p.users.r3.id)).toBeUndefined(); // Sales-West is outside the East manager's scope
    expect(byOwner.currency).toBe('CNY');
    expect(byOwner.total).toEqual({ count: 3, amountFen: 6_000_055, weightedAmountFen: 3_700_006 });
    expect(byOwner.stages.find((s: { stageId: string }) => s.stageId === stages[3]!.id)).toMatchObject({
      count: 1,
      amountFen: 3_000_000,
      probability: 80,
    });

    const byTeam = (await p.clients.head.get(`/api/v1/opportunities/pipeline?groupBy=department&${range}`)).json();
    const team = (id: string) => byTeam.groups.find((g: { key: string }) => g.key === id);
    expect(team(p.departments.east)).toMatchObject({
      name: 'Sales-East',
      count: 3,
      amountFen: 6_000_055,
      weightedAmountFen: 3_700_006,
    });
    expect(team(p.departments.west)).toMatchObject({
      name: 'Sales-West',
      count: 1,
      amountFen: 4_000_000,
      weightedAmountFen: 1_200_000,
    });

    // Amounts in another currency are never added to CNY ones: they have a pipeline of their own.
    await open(p.clients.r1, { customerId: c1, amountFen: 123_456, currency: 'USD', expectedCloseDate: '2030-01-12' });
    const cny = (await p.clients.eastManager.get(`/api/v1/opportunities/pipeline?${range}`)).json();
    expect(cny.total).toEqual(byOwner.total);
    const usd = (await p.clients.eastManager.get(`/api/v1/opportunities/pipeline?currency=USD&${range}`)).json();
    expect(usd).toMatchObject({ currency: 'USD', total: { count: 1, amountFen: 123_456, weightedAmountFen: 12_346 } });

    const own = (await p.clients.r2.get(`/api/v1/opportunities/pipeline?${range}`)).json();
    expect(own.groups).toEqual([expect.objectContaining({ key: p.users.r2.id, count: 1 })]);
    expect((await p.clients.r2.get('/api/v1/opportunities/pipeline?groupBy=customer')).statusCode).toBe(400);
  });
});
