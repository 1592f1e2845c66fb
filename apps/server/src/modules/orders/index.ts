import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import type { EventBus } from '../../platform/events/index.js';
import { creditRoutes } from './credit.routes.js';
import { orderRecordRoutes } from './orders.routes.js';
import { defineModule } from '../../platform/module-kit/module-definition.js';
import { ordersMessages } from './orders.messages.js';
import { creditOverrideApprovals, priceBelowAuthorityApprovals } from './orders.approvals.js';
import { seedDemoOrders } from './orders.demo.js';
import type { ListExports } from '../../platform/export/index.js';

/** Orders (订单) with their state machine, credit limits and the finance settings (issue 5). */
const ordersRoutes =
  ({ db, events, listExports }: { db: Db; events: EventBus; listExports: ListExports }): FastifyPluginAsyncTypebox =>
  async (app) => {
    await app.register(orderRecordRoutes({ db, events, listExports }));
    await app.register(creditRoutes({ db }));
  };
export { openOrdersHandover } from './orders.handover.js';
export { financeSettings, FINANCE_DEFAULTS } from './finance-settings.js';
export {
  insertImportedOrder,
  findImportMatches,
  findOrdersByNumber,
  updateImportedDraft,
  type ImportContext,
  type ImportedOrder,
  type ImportMatchedOrder,
} from './orders.import.js';
export { lineTotalFen } from './orders.values.js';
export { orderAmount } from './orders.amount.js';
export { findOrdersToConfirm, type OrderToConfirm } from './orders.inbox.js';
export {
  DEFAULT_IMPORTED_ORDER_STATUS,
  DEFAULT_ORDER_STATUS_MAP,
  IMPORTABLE_ORDER_STATUSES,
  mapOrderStatus,
  type ImportableOrderStatus,
} from './orders.import-status.js';

export const ordersModule = defineModule({
  name: 'orders',
  messages: ordersMessages,
  routes: ordersRoutes,
  approvals: [priceBelowAuthorityApprovals, creditOverrideApprovals],
  demoSeed: {
    after: ['products', 'stock'],
    seed: (tx, demo) =>
      seedDemoOrders(tx, { orgId: demo.orgId, customers: demo.dealCustomers, financeUserId: demo.financeUserId }),
  },
});
