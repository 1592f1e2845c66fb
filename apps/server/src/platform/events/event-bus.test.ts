import { describe, expect, it } from 'vitest';
import type { Executor } from '../db/client.js';
import { createEventBus, type DomainEvent } from './index.js';

const tx = {} as Executor;
const confirmed = (orderId: string): DomainEvent => ({
  type: 'order.confirmed',
  orgId: 'o',
  customerId: 'c',
  orderId,
  actorId: null,
  at: new Date(0),
});

describe('event bus', () => {
  it('runs the handlers of the published type in subscription order with the publisher transaction', async () => {
    const bus = createEventBus();
    const seen: string[] = [];
    bus.subscribe('order.confirmed', async (handlerTx, event) => {
      expect(handlerTx).toBe(tx);
      seen.push(`a:${event.orderId}`);
    });
    bus.subscribe('order.confirmed', async (_tx, event) => {
      seen.push(`b:${event.orderId}`);
    });
    bus.subscribe('order.cancelled', async () => {
      seen.push('cancelled');
    });
    await bus.publish(tx, confirmed('1'));
    expect(seen).toEqual(['a:1', 'b:1']);
  });

  it('fails the publisher when a handler fails, so the transaction rolls back', async () => {
    const bus = createEventBus();
    bus.subscribe('order.confirmed', async () => {
      throw new Error('rule failed');
    });
    await expect(bus.publish(tx, confirmed('1'))).rejects.toThrow('rule failed');
  });

  it('keeps subscriptions per bus and lets a handler unsubscribe', async () => {
    const one = createEventBus();
    const two = createEventBus();
    let calls = 0;
    const off = one.subscribe('order.confirmed', async () => {
      calls++;
    });
    await two.publish(tx, confirmed('1'));
    expect(calls).toBe(0);
    await one.publish(tx, confirmed('1'));
    off();
    await one.publish(tx, confirmed('2'));
    expect(calls).toBe(1);
  });
});
