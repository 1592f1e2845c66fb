/** Customer value: profit contribution (domain §5), the customer pyramid and ABC classes (§7). */
export { customerValueRoutes } from './customer-value.routes.js';
export { computeCustomerValues } from './customer-value.job.js';
export { createCustomerValueService, type CustomerValueService } from './customer-value.service.js';
/** The shared contribution query (orders − cost − approved expenses), for other reports that must agree with it. */
export { contributionSource, COUNTED_ORDER_STATUSES, type ContributionRange } from './contribution-source.js';
export { seedDemoCustomerValues } from './customer-value.demo.js';
