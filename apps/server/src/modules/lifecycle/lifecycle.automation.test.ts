import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/db/ids.js';
import { createEventBus, type DomainEvent, type EventBus } from '../../platform/events/index.js';
import type { Client } from '../../test/test-app.js';
import { subscribeLifecycleRules } from './index.js';
import { useTestContext } from '../../test/file-context.js';

const ctx = useTestContext();
let bus: EventBus;
let rep: Client;
let orgId: string;

beforeAll(async () => {
  bus = createEventBus();
  subscribeLifecycleRules(bus);
  const org = await ctx.createOrg();
  orgId = org.orgId;
  rep = await ctx.login(await ctx.createUser({ orgId, roleIds: [org.roleIds.salesperson!] }));
});

let n = 0;
async function newCustomer(): Promise<string> {
  const response = await rep.post('/api/v1/customers', { kind: 'company', name: `自动规则测试${n++}号有限公司` });
  expect(response.statusCode).toBe(201);
  return response.json().id;
}
const publish = (event: DomainEvent) => ctx.database.db.transaction((tx) => bus.publish(tx, event));
const base = (customerId: string) => ({ orgId, customerId, actorId: rep.user.id, at: new Date() });
const confirmed = (customerId: string, orderId = newId()): DomainEvent => ({
  type: 'order.confirmed',
  ...base(customerId),
  orderId,
});
const cancelled = (customerId: string, orderId: string): DomainEvent => ({
  type: 'order.cancelled',
  ...base(customerId),
  orderId,
});
const stageOf = async (id: string) => (await rep.get(`/api/v1/customers/${id}`)).json().stage;
const log = async (id: string) => (await rep.get(`/api/v1/customers/${id}/stage-transitions`)).json().items;

describe('automatic moves from domain events', () => {
  it('an opened opportunity makes a prospect interested, logged with the rule and the event', async () => {
    const id = await newCustomer();
    const opportunityId = newId();
    await publish({ type: 'opportunity.opened', ...base(id), opportunityId });
    expect(await stageOf(id)).toBe('interested');
    expect((await log(id)).at(-1)).toMatchObject({
      from: 'prospect',
      to: 'interested',
      actorId: null,
      ruleId: 'rule.opportunity_opened',
      triggeringEvent: 'opportunity.opened',
      triggeringEntityId: opportunityId,
    });
    await publish({ type: 'opportunity.opened', ...base(id), opportunityId: newId() });
    expect(await log(id)).toHaveLength(2);
  });

  it('first confirmed order → first purchase, second → repeat; a repeated event changes nothing', async () => {
    const id = await newCustomer();
    const first = newId();
    await publish(confirmed(id, first));
    expect(await stageOf(id)).toBe('first_purchase');
    await publish(confirmed(id, first));
    expect(await stageOf(id)).toBe('first_purchase');
    const second = newId();
    await publish(confirmed(id, second));
    expect(await stageOf(id)).toBe('repeat');
    expect((await log(id)).map((t: { to: string }) => t.to)).toEqual(['prospect', 'first_purchase', 'repeat']);
    await publish(cancelled(id, second));
    expect(await stageOf(id)).toBe('first_purchase');
  });

  it('cancelling the only order returns the customer to the stage it had before buying', async () => {
    const id = await newCustomer();
    await publish({ type: 'opportunity.opened', ...base(id), opportunityId: newId() });
    const order = newId();
    await publish(confirmed(id, order));
    await publish(cancelled(id, order));
    expect(await stageOf(id)).toBe('interested');
    expect((await log(id)).at(-1)).toMatchObject({ ruleId: 'rule.order_cancelled', triggeringEntityId: order });
  });

  it('a transaction rolled back after the event leaves no move and no log row', async () => {
    const id = await newCustomer();
    await expect(
      ctx.database.db.transaction(async (tx) => {
        await bus.publish(tx, confirmed(id));
        throw new Error('order confirmation failed');
      }),
    ).rejects.toThrow('order confirmation failed');
    expect(await stageOf(id)).toBe('prospect');
    expect(await log(id)).toHaveLength(1);
    await publish(confirmed(id));
    expect(await stageOf(id)).toBe('first_purchase');
  });

  it('any sequence of confirmations and cancellations leaves the stage matching the confirmed count', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.constant(-1), fc.nat({ max: 5 })), { minLength: 1, maxLength: 8 }),
        async (steps) => {
          const id = await newCustomer();
          const live: string[] = [];
          for (const step of steps) {
            if (step === -1 || live.length === 0) {
              const orderId = newId();
              await publish(confirmed(id, orderId));
              live.push(orderId);
            } else {
              const [orderId] = live.splice(step % live.length, 1);
              await publish(cancelled(id, orderId!));
            }
          }
          const expected = live.length >= 2 ? 'repeat' : live.length === 1 ? 'first_purchase' : 'prospect';
          expect(await stageOf(id)).toBe(expected);
          const transitions = await log(id);
          expect(transitions.at(-1).to).toBe(expected);
          for (let i = 1; i < transitions.length; i++) expect(transitions[i].from).toBe(transitions[i - 1].to);
        },
      ),
      { numRuns: 12 },
    );
  });
});
