export { customersRoutes } from './customers.routes.js';
export { createCustomersService, type CustomersService } from './customers.service.js';
export { customerDerivedColumns, customerSearchTokens } from './customers.values.js';
export { customersRepository } from './customers.repository.js';
export { fieldAccess } from './customers.fields.js';
