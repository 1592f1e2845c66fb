import type { Db } from '../platform/db/client.js';
import { newId } from '../platform/db/ids.js';
import { orderLines, orders } from '../platform/db/schema/index.js';

/**
 * Orders and lines written straight into the tables, for the read models over them (value reports,
 * the customer page) whose tests should not depend on the order workflow.
 */
export interface TestLine {
  quantity: number;
  unitPriceFen: number;
  unitCostFen: number;
}

let orderCounter = 0;

/** An order with its lines; totals kept from the lines as the orders module keeps them. */
export async function insertOrder(
  db: Db,
  order: {
    orgId: string;
    customerId: string;
    ownerId: string;
    productId: string;
    status?: string;
    confirmedAt?: string | null;
    currency?: string;
    lines: TestLine[];
  },
): Promise<string> {
  const id = newId();
  const totalFen = order.lines.reduce((sum, line) => sum + line.quantity * line.unitPriceFen, 0);
  const costFen = order.lines.reduce((sum, line) => sum + line.quantity * line.unitCostFen, 0);
  const confirmedAt = order.confirmedAt === undefined ? '2026-03-10T04:00:00Z' : order.confirmedAt;
  await db.insert(orders).values({
    orgId: order.orgId,
    id,
    orderNo: `T${(++orderCounter).toString().padStart(6, '0')}-${id.slice(-6)}`,
    customerId: order.customerId,
    ownerId: order.ownerId,
    status: order.status ?? 'confirmed',
    currency: order.currency ?? 'CNY',
    orderDate: (confirmedAt ?? '2026-03-10').slice(0, 10),
    totalFen,
    costFen,
    confirmedAt: confirmedAt ? new Date(confirmedAt) : null,
    createdBy: order.ownerId,
  });
  await db.insert(orderLines).values(
    order.lines.map((line, index) => ({
      orgId: order.orgId,
      id: newId(),
      orderId: id,
      lineNo: index + 1,
      productId: order.productId,
      productCode: 'P',
      productName: '测试产品',
      unit: '件',
      quantity: line.quantity,
      unitPriceFen: line.unitPriceFen,
      lineTotalFen: line.quantity * line.unitPriceFen,
      listPriceFen: line.unitPriceFen,
      unitCostFen: line.unitCostFen,
    })),
  );
  return id;
}
