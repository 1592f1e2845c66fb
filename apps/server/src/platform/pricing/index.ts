export {
  customerDiscountBp,
  floorWithDiscount,
  registerCustomerDiscountSources,
  type CustomerDiscountSource,
} from './customer-discounts.js';
