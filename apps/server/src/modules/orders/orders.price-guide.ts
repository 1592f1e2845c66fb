import type { OrderPriceGuide, OrderPriceGuideBody, Stage } from '@guanxi/contract';
import { hasPermission, type Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { customerDiscountBp, floorWithDiscount } from '../../platform/pricing/index.js';
import { priceAuthority, productCatalog } from '../products/index.js';
import { orderStock } from '../stock/index.js';
import { creditFiguresOf } from './credit.service.js';
import { ordersRepository } from './orders.repository.js';
import { resolveWarehouse } from './orders.service.js';

/**
 * The order form's guidance while lines are typed (issue 14 §7): per product the unit, list and cost
 * price, the floor of the order's seller — the customer's owner, whoever types — at the customer's
 * stage, and what the warehouse could still give. Submitting applies the same floor, so a line the
 * form marks as below it is the line that will need approval.
 */
export function createOrderPriceGuide({ db }: { db: Db }) {
  return {
    async guide(actor: Actor, body: OrderPriceGuideBody): Promise<OrderPriceGuide> {
      const customer = await ordersRepository.findWritableCustomer(db, actor, body.customerId);
      if (!customer) throw notFound('entity.customer');
      if (customer.ownerId === null) throw new AppError('business_rule', 'error.order.customerInPool');
      const stage = customer.stage as Stage;
      const warehouseId = await resolveWarehouse(db, actor.orgId, body.warehouseId);
      const products = await productCatalog.findByIds(db, actor.orgId, body.productIds);
      const ids = [...products.keys()];
      const floorOf = floorWithDiscount(
        await priceAuthority.floorFor(db, { orgId: actor.orgId, sellerId: customer.ownerId, stage }),
        await customerDiscountBp(db, { orgId: actor.orgId, customerId: customer.id }),
      );
      const available = warehouseId ? await orderStock.availableIn(db, { orgId: actor.orgId, warehouseId }, ids) : null;
      const credit = hasPermission(actor, 'credit.view') ? await creditFiguresOf(db, actor.orgId, customer.id) : null;
      return {
        customerStage: stage,
        sellerId: customer.ownerId,
        warehouseId,
        products: [...products.values()].map((p) => ({
          productId: p.id,
          unit: p.unit,
          listPriceFen: p.listPriceFen,
          costPriceFen: p.costPriceFen,
          floorFen: floorOf(p),
          availableQuantity: available ? (available.get(p.id) ?? 0) : null,
        })),
        credit,
      };
    },
  };
}
