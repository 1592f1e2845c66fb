import {
  LOW_STOCK_THRESHOLD,
  type CreateStockMovementBody,
  type PendingIssueList,
  type PendingIssueQuery,
  type StockLevelPage,
  type StockListQuery,
  type StockMovement,
  type StockMovementListQuery,
  type StockMovementPage,
  type StockSummary,
  type StockSummaryQuery,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors/app-error.js';
import { decodeCursor, keysetPage } from '../../platform/pagination.js';
import { recordMovement } from './stock-movements.js';
import { stockRepository } from './stock.repository.js';

type MovementRow = Awaited<ReturnType<typeof stockRepository.findMovements>>[number];

const toMovement = ({ sortValue: _, ...row }: MovementRow): StockMovement => ({
  ...row,
  kind: row.kind as StockMovement['kind'],
  status: row.status as StockMovement['status'],
  createdAt: row.createdAt.toISOString(),
  confirmedAt: row.confirmedAt?.toISOString() ?? null,
});

const badCursor = () =>
  new AppError('validation', 'error.badCursor', { fields: [{ field: 'cursor', key: 'validation.invalid' }] });

/** The stock-levels cursor: product code and id in the value (text), warehouse id as the id. */
function decodeLevelCursor(raw: string | undefined) {
  const cursor = decodeCursor(raw, 'text');
  if (!cursor) return null;
  try {
    const value: unknown = JSON.parse(String(cursor.value));
    if (
      Array.isArray(value) &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string' &&
      /^[0-9a-f-]{36}$/.test(value[1])
    )
      return { code: value[0], productId: value[1], warehouseId: cursor.id };
  } catch {
    // fall through to the 400 below
  }
  throw badCursor();
}

/** Stock levels, movements and the warehouse's queue of order issues to confirm. */
export function createStockService({ db }: { db: Db }) {
  const readMovement = async (actor: Actor, id: string): Promise<StockMovement> => {
    const rows = await stockRepository.findMovements(db, actor, { filters: { id }, cursor: null, limit: 1 });
    return toMovement(rows[0]!);
  };

  return {
    async levels(actor: Actor, query: StockListQuery): Promise<StockLevelPage> {
      const limit = query.limit ?? 50;
      const { limit: _, cursor, ...filters } = query;
      const rows = await stockRepository.findLevels(db, actor.orgId, {
        filters,
        after: decodeLevelCursor(cursor),
        limit: limit + 1,
      });
      const items = rows.map((row) => {
        const available = row.onHand - row.reserved;
        return {
          ...row,
          id: `${row.warehouseId}:${row.productId}`,
          available,
          low: available < LOW_STOCK_THRESHOLD,
          updatedAt: row.updatedAt.toISOString(),
        };
      });
      const page = keysetPage(items, {
        limit,
        sortValueOf: (row) => JSON.stringify([row.productCode, row.productId]),
        idOf: (row) => row.warehouseId,
      });
      return { items: page.rows, nextCursor: page.nextCursor };
    },

    async summary(actor: Actor, query: StockSummaryQuery): Promise<StockSummary> {
      const rows = await stockRepository.summary(db, actor.orgId, query.productId);
      return {
        items: rows.map((r) => ({
          ...r,
          onHand: Number(r.onHand),
          reserved: Number(r.reserved),
          available: Number(r.onHand) - Number(r.reserved),
        })),
      };
    },

    async movements(actor: Actor, query: StockMovementListQuery): Promise<StockMovementPage> {
      const limit = query.limit ?? 50;
      const { limit: _, cursor: rawCursor, ...filters } = query;
      const cursor = decodeCursor(rawCursor, 'timestamp');
      const rows = await stockRepository.findMovements(db, actor, { filters, cursor, limit: limit + 1 });
      const page = keysetPage(rows, { limit, sortValueOf: (row) => row.sortValue });
      return { items: page.rows.map(toMovement), nextCursor: page.nextCursor };
    },

    async record(actor: Actor, body: CreateStockMovementBody): Promise<StockMovement> {
      const id = await db.transaction((tx) => recordMovement(tx, actor, body));
      return readMovement(actor, id);
    },

    async pendingIssues(actor: Actor, query: PendingIssueQuery): Promise<PendingIssueList> {
      const { orders, lines } = await stockRepository.findPendingIssues(db, actor, {
        warehouseId: query.warehouseId,
        limit: query.limit ?? 100,
      });
      return {
        items: orders.map((order) => ({
          orderId: order.orderId!,
          orderNo: order.orderNo,
          isFirstOrder: order.isFirstOrder,
          customerId: order.customerId,
          customerName: order.customerName,
          warehouseId: order.warehouseId,
          warehouseName: order.warehouseName,
          createdAt: order.createdAt.toISOString(),
          lines: lines
            .filter((l) => l.orderId === order.orderId && l.warehouseId === order.warehouseId)
            .map(({ orderId: _, warehouseId: __, ...line }) => ({ ...line, onHand: Number(line.onHand) })),
        })),
      };
    },
  };
}
