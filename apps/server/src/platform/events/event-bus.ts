import type { ApprovalBusinessType } from '@guanxi/contract';
import type { Executor } from '../db/client.js';

interface EventBase {
  orgId: string;
  customerId: string;
  /** The user behind the change; null for system jobs. */
  actorId: string | null;
  at: Date;
}

/** The domain events modules publish; payloads are plain data (design §1). */
export interface DomainEventPayloads {
  'customer.created': EventBase;
  /**
   * Customers created together by an import batch: means `customer.created` for each id, handled
   * in a few statements for the whole batch instead of a few per customer.
   */
  'customers.imported': Omit<EventBase, 'customerId'> & { customerIds: readonly string[] };
  'opportunity.opened': EventBase & { opportunityId: string };
  /**
   * A won deal; `amountFen` in integer minor units (分) of `currency` (design §3). No lifecycle rule
   * consumes it: orders move stages.
   */
  'opportunity.won': EventBase & { opportunityId: string; amountFen: number; currency: string };
  /** `opportunityId`: the opportunity the order closes, if it names one (won when still open). */
  'order.confirmed': EventBase & { orderId: string; opportunityId?: string | null };
  'order.cancelled': EventBase & { orderId: string };
  /** Delivered and accepted: customer service calls back some days later (return visits). */
  'order.completed': EventBase & { orderId: string };
  /** A complaint closed (also after a reopen): customer service calls back some days later. */
  'complaint.closed': EventBase & { complaintId: string };
  /**
   * An approval request reached its end (approved after its last step, rejected at any step, or
   * withdrawn by its submitter). The module owning `entityType` applies or reverts the change in the
   * same transaction; `customerId` is null for requests without a customer (e.g. some expenses).
   */
  'approval.decided': Omit<EventBase, 'customerId'> & {
    customerId: string | null;
    requestId: string;
    businessType: ApprovalBusinessType;
    entityType: string;
    entityId: string;
    status: 'approved' | 'rejected' | 'withdrawn';
    /** The last decider (approver, or the submitter when withdrawn); null for automatic passes. */
    decidedBy: string | null;
    comment: string | null;
  };
}
export type DomainEventType = keyof DomainEventPayloads;
export type DomainEvent<T extends DomainEventType = DomainEventType> = {
  [K in T]: { type: K } & DomainEventPayloads[K];
}[T];

/** A handler runs inside the publisher's transaction and must use `tx` for every query. */
export type EventHandler<T extends DomainEventType> = (tx: Executor, event: DomainEvent<T>) => Promise<void>;

export interface EventBus {
  /** Adds a handler; returns a function that removes it again. */
  subscribe<T extends DomainEventType>(type: T, handler: EventHandler<T>): () => void;
  /**
   * Runs every handler of the event one after the other, awaited, with the publisher's
   * transaction: their writes commit or roll back with the triggering change, and a failing
   * handler fails the publisher.
   */
  publish(tx: Executor, event: DomainEvent): Promise<void>;
}

/**
 * A small typed in-process bus. Each app builds its own (no module-level state), so tests and
 * apps never share subscriptions.
 *
 * @example
 * const events = createEventBus();
 * events.subscribe('order.confirmed', async (tx, e) => recordOrder(tx, e.orderId));
 * await db.transaction((tx) => events.publish(tx, { type: 'order.confirmed', ... }));
 */
export function createEventBus(): EventBus {
  const handlers = new Map<DomainEventType, EventHandler<DomainEventType>[]>();
  return {
    subscribe(type, handler) {
      const list = handlers.get(type) ?? [];
      const entry = handler as unknown as EventHandler<DomainEventType>;
      list.push(entry);
      handlers.set(type, list);
      return () => {
        const current = handlers.get(type) ?? [];
        handlers.set(
          type,
          current.filter((h) => h !== entry),
        );
      };
    },
    async publish(tx, event) {
      for (const handler of [...(handlers.get(event.type) ?? [])]) await handler(tx, event);
    },
  };
}
