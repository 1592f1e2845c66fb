import {
  DEFAULT_CURRENCY,
  type CreateOrderBody,
  type Order,
  type OrderLineInput,
  type OrderListQuery,
  type OrderPage,
  type UpdateOrderBody,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { checkCustomFieldValues, visibleCustomFieldValues } from '../custom-fields/index.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { AppError, invalidField, notFound, staleVersion } from '../../platform/errors/app-error.js';
import { decodeCursor, keysetPage } from '../../platform/pagination.js';
import { approvalEngine } from '../approvals/index.js';
import { findReadableOpportunity } from '../opportunities/index.js';
import { productCatalog } from '../products/index.js';
import { orderStock } from '../stock/index.js';
import { orgToday } from './finance-settings.js';
import { ordersRepository, type OrderRow } from './orders.repository.js';
import { assertStatus, auditedState, computeLines, toOrderLine, toOrderSummary } from './orders.values.js';

const ORDER_ENTITY = 'order';

/** Computes lines from products of the organization; unknown or inactive products → 400. */
async function buildLines(tx: Executor, orgId: string, orderId: string, inputs: readonly OrderLineInput[]) {
  const products = await productCatalog.findByIds(
    tx,
    orgId,
    inputs.map((l) => l.productId),
  );
  const computed = computeLines(inputs, products);
  const rows = computed.lines.map((line) => ({ orgId, id: newId(), orderId, ...line }));
  return { rows, totalFen: computed.totalFen, costFen: computed.costFen };
}

/** An explicit warehouse must be an active one of the organization; none → the default (may be none). */
export async function resolveWarehouse(tx: Executor, orgId: string, warehouseId: string | null | undefined) {
  if (warehouseId === undefined || warehouseId === null) return orderStock.defaultWarehouseId(tx, orgId);
  if (!(await ordersRepository.isActiveWarehouse(tx, orgId, warehouseId)))
    throw invalidField('warehouseId', 'validation.orderWarehouse');
  return warehouseId;
}

/**
 * The opportunity an order may close: one the actor can see, of the order's customer, still open
 * or already won (the order entered after winning it); lost and invalid ones close no order.
 */
async function resolveOpportunity(
  tx: Executor,
  actor: Actor,
  customerId: string,
  opportunityId: string | null | undefined,
): Promise<string | null> {
  if (opportunityId === undefined || opportunityId === null) return null;
  const opportunity = await findReadableOpportunity(tx, actor, opportunityId);
  if (!opportunity || opportunity.customerId !== customerId || !['open', 'won'].includes(opportunity.status))
    throw invalidField('opportunityId', 'validation.orderOpportunity');
  return opportunity.id;
}

/** Locks an order the actor may change: unknown or out of scope → 404; a stale version → 409. */
export async function lockOrder(
  tx: Executor,
  actor: Actor,
  id: string,
  options: { scope: 'write' | 'read'; version?: number | undefined },
): Promise<OrderRow> {
  const row = await ordersRepository.lockById(tx, { actor, scope: options.scope }, id);
  if (!row) throw notFound('entity.order');
  if (options.version !== undefined && row.version !== options.version) throw staleVersion();
  return row;
}

/** The order with lines and its latest approval of each kind, as the caller may see it. */
export async function readOrder(db: Executor, actor: Actor, id: string): Promise<Order> {
  const row = await ordersRepository.getById(db, actor, id);
  if (!row) throw notFound('entity.order');
  const lines = await ordersRepository.findLines(db, actor.orgId, id);
  const approvals = await approvalEngine.latestStatusesFor(db, actor.orgId, {
    entityType: ORDER_ENTITY,
    entityId: id,
    businessTypes: ['price_below_authority', 'credit_override'] as const,
  });
  return {
    ...toOrderSummary(row),
    lines: lines.map(toOrderLine),
    approvals,
    opportunityName: row.opportunityName,
    customFields: visibleCustomFieldValues(actor.fieldPermissions, 'order', row.customFields),
  };
}

/** Orders (订单): records and draft edits; transitions live in orders.transitions.ts. */
export function createOrdersService({ db }: { db: Db }) {
  return {
    async list(actor: Actor, query: OrderListQuery): Promise<OrderPage> {
      const limit = query.limit ?? 50;
      const byTotal = query.sort === '-totalFen';
      const cursor = decodeCursor(query.cursor, byTotal ? 'integer' : 'timestamp');
      const filters = {
        q: query.q,
        status: query.status,
        customerId: query.customerId,
        opportunityId: query.opportunityId,
        ownerId: query.mine ? actor.userId : query.ownerId,
        firstOrder: query.firstOrder,
        from: query.from,
        to: query.to,
      };
      const page = await ordersRepository.findPage(db, actor, { filters, cursor, limit: limit + 1, byTotal });
      const { rows, nextCursor } = keysetPage(page.rows, {
        limit,
        // The total travels as text so one cursor kind serves both sorts.
        sortValueOf: (_, i) => (byTotal ? String(page.sortValues[i]) : (page.sortValues[i] ?? null)),
      });
      return { items: rows.map(toOrderSummary), nextCursor };
    },

    get: (actor: Actor, id: string) => readOrder(db, actor, id),

    /**
     * A draft for a customer in the caller's scope; the owner is the customer's owner, also when
     * finance or a clerk enters it (security: credited to the salesperson).
     */
    async create(actor: Actor, body: CreateOrderBody): Promise<Order> {
      const id = newId();
      await db.transaction(async (tx) => {
        const customer = await ordersRepository.findWritableCustomer(tx, actor, body.customerId);
        if (!customer) throw notFound('entity.customer');
        if (customer.ownerId === null) throw new AppError('business_rule', 'error.order.customerInPool');
        if (body.ownerId !== undefined && body.ownerId !== customer.ownerId)
          throw invalidField('ownerId', 'validation.orderOwner');
        const warehouseId = await resolveWarehouse(tx, actor.orgId, body.warehouseId);
        const opportunityId = await resolveOpportunity(tx, actor, customer.id, body.opportunityId);
        const { rows: lines, totalFen, costFen } = await buildLines(tx, actor.orgId, id, body.lines);
        const orderDate = body.orderDate ?? (await orgToday(tx, actor.orgId)).today;
        const customFields = await checkCustomFieldValues(tx, actor, {
          entity: 'order',
          input: body.customFields,
          before: null,
        });
        const orderNo = await ordersRepository.nextOrderNo(tx, actor.orgId);
        const values = {
          orgId: actor.orgId,
          id,
          orderNo,
          customerId: customer.id,
          ownerId: customer.ownerId,
          status: 'draft',
          currency: body.currency ?? DEFAULT_CURRENCY,
          orderDate,
          warehouseId,
          opportunityId,
          totalFen,
          costFen,
          notes: body.notes?.trim() || null,
          customFields,
          createdBy: actor.userId,
        };
        await ordersRepository.insert(tx, values);
        await ordersRepository.replaceLines(tx, { orgId: actor.orgId, orderId: id }, lines);
        await recordAudit(tx, actor, {
          action: 'create',
          entity: ORDER_ENTITY,
          entityId: id,
          after: { ...values, lines: lines.map(({ orgId: _, orderId: __, ...l }) => l) },
        });
      });
      return readOrder(db, actor, id);
    },

    /** Drafts only; `lines` replaces every line and the totals follow. */
    async update(actor: Actor, id: string, body: UpdateOrderBody): Promise<Order> {
      const { version, lines: lineInputs, customFields: customInput, ...changes } = body;
      await db.transaction(async (tx) => {
        const before = await lockOrder(tx, actor, id, { scope: 'write', version });
        assertStatus(before, ['draft']);
        const values: Parameters<typeof ordersRepository.update>[2] = {};
        if (changes.orderDate !== undefined) values.orderDate = changes.orderDate;
        if (changes.currency !== undefined) values.currency = changes.currency;
        if (changes.notes !== undefined) values.notes = changes.notes?.trim() || null;
        if (customInput !== undefined)
          values.customFields = await checkCustomFieldValues(tx, actor, {
            entity: 'order',
            input: customInput,
            before: before.customFields,
          });
        if (changes.warehouseId !== undefined)
          values.warehouseId = await resolveWarehouse(tx, actor.orgId, changes.warehouseId);
        if (changes.opportunityId !== undefined)
          values.opportunityId = await resolveOpportunity(tx, actor, before.customerId, changes.opportunityId);
        const beforeLines = await ordersRepository.findLines(tx, actor.orgId, id);
        if (lineInputs !== undefined) {
          const built = await buildLines(tx, actor.orgId, id, lineInputs);
          await ordersRepository.replaceLines(tx, { orgId: actor.orgId, orderId: id }, built.rows);
          values.totalFen = built.totalFen;
          values.costFen = built.costFen;
        }
        if (!(await ordersRepository.update(tx, { orgId: actor.orgId, id, version: before.version }, values)))
          throw staleVersion();
        const after = (await ordersRepository.lockById(tx, { actor, scope: 'write' }, id))!;
        const afterLines =
          lineInputs === undefined ? beforeLines : await ordersRepository.findLines(tx, actor.orgId, id);
        await recordAudit(tx, actor, {
          action: 'update',
          entity: ORDER_ENTITY,
          entityId: id,
          before: { ...auditedState(before), lines: beforeLines.map(toOrderLine) },
          after: { ...auditedState(after), lines: afterLines.map(toOrderLine) },
        });
      });
      return readOrder(db, actor, id);
    },

    /** Soft delete of a draft or cancelled order. */
    async delete(actor: Actor, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const before = await lockOrder(tx, actor, id, { scope: 'write' });
        assertStatus(before, ['draft', 'cancelled']);
        await ordersRepository.update(
          tx,
          { orgId: actor.orgId, id, version: before.version },
          { deletedAt: new Date() },
        );
        await recordAudit(tx, actor, {
          action: 'delete',
          entity: ORDER_ENTITY,
          entityId: id,
          before: auditedState(before),
        });
      });
    },
  };
}
