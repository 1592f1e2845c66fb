import { defineModule } from '../../platform/module-kit/module-definition.js';
import { customersMessages } from './customers.messages.js';
import { customersRoutes } from './customers.routes.js';
export { createCustomersService, type CustomersService } from './customers.service.js';
export {
  customerDerivedColumns,
  customerDerivedValues,
  customerSearchTokens,
  numberedDerivedValues,
  unnumberedDerivedValues,
} from './customers.values.js';
export {
  findReadableCustomer,
  insertCustomerRows,
  isAssignableOwner,
  lockWritableCustomer,
  setNextCustomerNo,
} from './customers.lookups.js';
export { fieldAccess } from './customers.fields.js';
export { findCustomerReferences, type CustomerReference } from './customer-references.repository.js';
export { insertImportedCustomer } from './customers.import.js';
export {
  findCustomersForImport,
  reserveCustomerNos,
  updateCustomerForImport,
  type CustomerImportRow,
} from './customers.import-lookups.js';
export { assertValidCustomer, cleanCustomerInput } from './customers.values.js';

export const customersModule = defineModule({
  name: 'customers',
  messages: customersMessages,
  routes: customersRoutes,
});
