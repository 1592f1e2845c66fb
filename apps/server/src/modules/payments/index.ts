/** Payments (回款) against orders, payment plans and their overdue job, and receivables ageing. */
import { defineModule } from '../../platform/module-kit/module-definition.js';
import { paymentsMessages } from './payments.messages.js';
import { nightlyGlobalJob } from '../../platform/jobs/job-registry.js';
import { markOverdueInstallments } from './payments.jobs.js';
import { seedDemoPayments } from './payments.demo.js';
import { paymentsRoutes } from './payments.routes.js';

export { markOverdueInstallments } from './payments.jobs.js';
export { insertPayment, type InsertPaymentOptions } from './payments.service.js';
export { findInstallmentsDue, type InstallmentDue } from './payments.inbox.js';
export { findPaymentImportMatches, type ImportMatchedPayment } from './payments.import.js';

export const paymentsModule = defineModule({
  name: 'payments',
  messages: paymentsMessages,
  routes: paymentsRoutes,
  jobs: () => [nightlyGlobalJob('payments.markOverdue', '01:00', markOverdueInstallments)],
  // Payments go against the demo's confirmed orders.
  demoSeed: { after: ['orders'], seed: (tx, { orgId }) => seedDemoPayments(tx, { orgId }) },
});
