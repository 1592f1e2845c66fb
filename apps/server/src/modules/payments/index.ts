/** Payments (回款) against orders, payment plans and their overdue job, and receivables ageing. */
export { paymentsRoutes } from './payments.routes.js';
export { markOverdueInstallments } from './payments.jobs.js';
export { seedDemoPayments } from './payments.demo.js';
