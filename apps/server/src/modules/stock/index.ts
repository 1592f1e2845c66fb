/** Stock (库存): warehouses, stock levels per product and warehouse, movements, and the order hooks. */
import { defineModule } from '../../platform/module-kit/module-definition.js';
import { stockMessages } from './stock.messages.js';
import { seedDemoStock } from './stock.demo.js';
import { stockRoutes } from './stock.routes.js';

export { findIssuesToConfirm, findLowStock, type IssueToConfirm, type LowStockLevel } from './stock.inbox.js';
export { orderStock, stockShort, type OrderStockLine } from './order-stock.js';

export const stockModule = defineModule({
  name: 'stock',
  messages: stockMessages,
  routes: stockRoutes,
  demoSeed: { after: ['products'], seed: (tx, { orgId }) => seedDemoStock(tx, { orgId }) },
});
