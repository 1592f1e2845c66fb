import { describe, expect, it } from 'vitest';
import type { Executor } from '../db/client.js';
import { createEventBus, type DomainEvent } from '../events/index.js';
import { approvalAdaptersOf, demoSeedsInOrder, subscribeApprovalAdapters } from './composition.js';
import { defineModule, type ApprovalAdapter, type ModuleDefinition } from './module-definition.js';

const tx = {} as Executor;
const seeding = (name: string, after?: string[]): ModuleDefinition =>
  defineModule({ name, demoSeed: { ...(after ? { after } : {}), seed: async () => {} } });

describe('demo seeds in order', () => {
  it('keeps registry order, except that a seed runs after the seeds it names', () => {
    const modules = [
      seeding('payments', ['orders']),
      defineModule({ name: 'health' }),
      seeding('orders', ['products', 'stock']),
      seeding('products'),
      seeding('stock', ['products']),
      seeding('follow-ups'),
    ];
    expect(demoSeedsInOrder(modules).map((s) => s.name)).toEqual([
      'products',
      'stock',
      'orders',
      'payments',
      'follow-ups',
    ]);
  });

  it('refuses a dependency on a module without a demo seed, and seeds that wait on each other', () => {
    expect(() => demoSeedsInOrder([seeding('orders', ['products'])])).toThrow(/products/);
    expect(() => demoSeedsInOrder([seeding('a', ['b']), seeding('b', ['a'])])).toThrow(/wait on each other/);
  });
});

describe('approval adapters', () => {
  const decided = (businessType: 'expense' | 'credit_override'): DomainEvent<'approval.decided'> => ({
    type: 'approval.decided',
    orgId: 'o',
    customerId: null,
    requestId: 'r',
    businessType,
    entityType: 'x',
    entityId: 'e',
    status: 'approved',
    decidedBy: null,
    comment: null,
    actorId: null,
    at: new Date(0),
  });

  it('hands a decision to the adapter of its business type only', async () => {
    const seen: string[] = [];
    const adapter = (businessType: 'expense' | 'credit_override'): ApprovalAdapter => ({
      businessType,
      defaultStep: 'manager',
      decide: async (_tx, event) => void seen.push(`${businessType}:${event.businessType}`),
    });
    const events = createEventBus();
    subscribeApprovalAdapters(events, [adapter('expense'), adapter('credit_override')]);
    await events.publish(tx, decided('credit_override'));
    expect(seen).toEqual(['credit_override:credit_override']);
  });

  it('refuses a business type bound by two modules', () => {
    const expense: ApprovalAdapter = { businessType: 'expense', defaultStep: 'manager', decide: async () => {} };
    const modules = [
      defineModule({ name: 'a', approvals: [expense] }),
      defineModule({ name: 'b', approvals: [expense] }),
    ];
    expect(() => approvalAdaptersOf(modules)).toThrow(/expense bound twice/);
  });
});
