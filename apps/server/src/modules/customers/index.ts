export { customersRoutes } from './customers.routes.js';
export { createCustomersService, customerSearchTokens, type CustomersService } from './customers.service.js';
export { customersRepository } from './customers.repository.js';
