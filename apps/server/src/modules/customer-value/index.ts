/** Customer value: profit contribution (domain §5), the customer pyramid and ABC classes (§7). */
import { defineModule } from '../../platform/module-kit/module-definition.js';
import { valueMessages } from './customer-value.messages.js';
import { nightlyGlobalJob } from '../../platform/jobs/job-registry.js';
import { seedDemoCustomerValues } from './customer-value.demo.js';
import { computeCustomerValues } from './customer-value.job.js';
import { customerValueRoutes } from './customer-value.routes.js';

export { computeCustomerValues } from './customer-value.job.js';
export { createCustomerValueService, type CustomerValueService } from './customer-value.service.js';
/** The shared contribution query (orders − cost − approved expenses), for other reports that must agree with it. */
export { contributionSource, COUNTED_ORDER_STATUSES, type ContributionRange } from './contribution-source.js';
/** The trailing twelve months and their instants, as the value report counts them (members' value reuses them). */
export { contributionRange, trailingYear } from './value-period.js';

export const customerValueModule = defineModule({
  name: 'customer-value',
  messages: valueMessages,
  routes: customerValueRoutes,
  jobs: () => [nightlyGlobalJob('customerValue.compute', '02:30', computeCustomerValues)],
  // The first snapshot counts the demo's orders, payments and approved expenses.
  demoSeed: {
    after: ['orders', 'payments', 'expenses'],
    seed: (tx, { orgId }) => seedDemoCustomerValues(tx, { orgId }),
  },
});
