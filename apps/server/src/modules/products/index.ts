/** Products (产品), product categories and price authority (价格权限, domain §5). */
import { defineModule } from '../../platform/module-kit/module-definition.js';
import { productsMessages } from './products.messages.js';
import { seedPriceAuthorityDefaults } from './price-authorities.defaults.js';
import { seedDemoProducts } from './products.demo.js';
import { productsRoutes } from './products.routes.js';

export { productCatalog, type OrderableProduct } from './product-catalog.js';
export { productImport, type ImportableProduct } from './products.import.js';
export { priceAuthority, type FloorFunction, type PricedProduct } from './price-authority.js';
export { seedPriceAuthorityDefaults, DEFAULT_PRICE_AUTHORITIES } from './price-authorities.defaults.js';
export { seedDemoProducts, demoProducts, DEMO_PRODUCT_CODES } from './products.demo.js';

export const productsModule = defineModule({
  name: 'products',
  messages: productsMessages,
  routes: productsRoutes,
  organizationSeed: (tx, { orgId }) => seedPriceAuthorityDefaults(tx, orgId),
  demoSeed: { seed: (tx, { orgId }) => seedDemoProducts(tx, { orgId }) },
});
