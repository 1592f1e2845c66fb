import { paymentsEndpoints } from './payments.endpoints.js';
import { stockEndpoints } from './stock.endpoints.js';
import { productsEndpoints } from './products.endpoints.js';
import { expensesEndpoints } from './expenses.endpoints.js';
import { approvalsEndpoints } from './approvals.endpoints.js';
import { customerValueEndpoints } from './customer-value.endpoints.js';
import { contactsEndpoints } from './contacts.endpoints.js';
import { duplicatesEndpoints } from './duplicates.endpoints.js';
import { searchEndpoints } from './search.endpoints.js';
import { lifecycleEndpoints } from './lifecycle.endpoints.js';
import { savedViewsEndpoints } from './saved-views.endpoints.js';
import { leadPoolsEndpoints, leadsEndpoints } from './leads.endpoints.js';
import { customerPoolsEndpoints, ownershipEndpoints } from './pools.endpoints.js';
import { customersEndpoints } from './customers.endpoints.js';
import { creditEndpoints, financeSettingsEndpoints, ordersEndpoints } from './orders.endpoints.js';

/**
 * Every endpoint defined in the contract, by resource: `endpoints.orders.submit`. A module adds
 * its `<module>.endpoints.ts` here; routes not yet listed are still declared in their routes file.
 */
export const endpoints = {
  orders: ordersEndpoints,
  credit: creditEndpoints,
  financeSettings: financeSettingsEndpoints,
  payments: paymentsEndpoints,
  stock: stockEndpoints,
  products: productsEndpoints,
  expenses: expensesEndpoints,
  approvals: approvalsEndpoints,
  customerValue: customerValueEndpoints,
  customers: customersEndpoints,
  contacts: contactsEndpoints,
  duplicates: duplicatesEndpoints,
  search: searchEndpoints,
  lifecycle: lifecycleEndpoints,
  savedViews: savedViewsEndpoints,
  leads: leadsEndpoints,
  leadPools: leadPoolsEndpoints,
  customerPools: customerPoolsEndpoints,
  ownership: ownershipEndpoints,
} as const;
