/** Stock (库存): warehouses, stock levels per product and warehouse, movements, and the order hooks. */
export { stockRoutes } from './stock.routes.js';
export { orderStock, stockShort, type OrderStockLine } from './order-stock.js';
export { seedDemoStock } from './stock.demo.js';
