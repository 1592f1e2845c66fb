import { Type, type Static } from 'typebox';
import { Id, Nullable } from './common.js';
import { AmountFen } from './money.js';
import { CustomerCredit, MAX_ORDER_LINES } from './orders.js';
import { Stage } from './vocabulary.js';

/** What the order form asks while lines are typed: the products picked, for this customer. */
export const OrderPriceGuideBody = Type.Object(
  {
    customerId: Id,
    /** The order's warehouse; absent or null → the organization's default warehouse. */
    warehouseId: Type.Optional(Nullable(Id)),
    productIds: Type.Array(Id, { maxItems: MAX_ORDER_LINES, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type OrderPriceGuideBody = Static<typeof OrderPriceGuideBody>;

/** One product as the seller needs it on a line: unit, prices, their floor, what is on the shelf. */
export const OrderPriceGuideProduct = Type.Object({
  productId: Id,
  unit: Type.String(),
  listPriceFen: AmountFen,
  costPriceFen: AmountFen,
  /**
   * The lowest unit price the order's seller (the customer's owner) may give at the customer's
   * stage without approval (domain §5).
   */
  floorFen: AmountFen,
  /** On hand minus reserved in the warehouse; null when the organization has no warehouse. */
  availableQuantity: Nullable(Type.Integer()),
});
export type OrderPriceGuideProduct = Static<typeof OrderPriceGuideProduct>;

export const OrderPriceGuide = Type.Object({
  customerStage: Stage,
  /** The seller whose price authority applies: the customer's owner. */
  sellerId: Id,
  warehouseId: Nullable(Id),
  products: Type.Array(OrderPriceGuideProduct),
  /** The customer's credit figures; null when the caller may not see credit (credit.view). */
  credit: Nullable(CustomerCredit),
});
export type OrderPriceGuide = Static<typeof OrderPriceGuide>;
