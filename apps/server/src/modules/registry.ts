/**
 * The composition root's list of server modules. A new module is one folder with an `index.ts`
 * exporting its definition, plus one line here; the app, the job catalog, organization creation
 * and the demo seed read everything else from the definitions.
 */
import {
  registerApprovalContexts,
  registerApprovalDefaults,
  registerApprovalFactSources,
} from '../platform/approvals/index.js';
import { createEventBus, type EventBus } from '../platform/events/index.js';
import { exportCleanupJob } from '../platform/export/index.js';
import { registerMessageCatalogs } from '../platform/i18n/index.js';
import { registerCustomerDiscountSources } from '../platform/pricing/index.js';
import { createJobRegistry, type JobRegistry } from '../platform/jobs/job-registry.js';
import { approvalAdaptersOf, subscribeApprovalAdapters } from '../platform/module-kit/composition.js';
import type { ModuleDefinition, OrganizationSeeder } from '../platform/module-kit/module-definition.js';
import { approvalsModule } from './approvals/index.js';
import { archiveModule } from './archive/index.js';
import { authModule } from './auth/index.js';
import { complaintsModule } from './complaints/index.js';
import { contactsModule } from './contacts/index.js';
import { customerValueModule } from './customer-value/index.js';
import { customer360Module } from './customer-360/index.js';
import { customFieldsModule } from './custom-fields/index.js';
import { customersModule } from './customers/index.js';
import { dictionariesModule } from './dictionaries/index.js';
import { duplicatesModule } from './duplicates/index.js';
import { expensesModule } from './expenses/index.js';
import { followUpsModule } from './follow-ups/index.js';
import { handoverModule } from './handover/index.js';
import { healthModule } from './health/index.js';
import { importsModule } from './imports/index.js';
import { jobsModule } from './jobs/index.js';
import { leadsModule } from './leads/index.js';
import { membersModule } from './members/index.js';
import { lifecycleModule } from './lifecycle/index.js';
import { notificationsModule } from './notifications/index.js';
import { opportunitiesModule } from './opportunities/index.js';
import { ordersModule } from './orders/index.js';
import { orgModule } from './org/index.js';
import { paymentsModule } from './payments/index.js';
import { poolsModule } from './pools/index.js';
import { productsModule } from './products/index.js';
import { relationshipModule } from './relationship/index.js';
import { returnVisitsModule } from './return-visits/index.js';
import { savedViewsModule } from './saved-views/index.js';
import { searchModule } from './search/index.js';
import { stockModule } from './stock/index.js';
import { tasksModule } from './tasks/index.js';
import { teamActivityModule } from './team-activity/index.js';
import { todoInboxModule } from './todo-inbox/index.js';
import { visitsModule } from './visits/index.js';
import { workPlansModule } from './work-plans/index.js';
import { workReportsModule } from './work-reports/index.js';

/** In route registration order: the OpenAPI document lists paths in this order. */
export const serverModules: readonly ModuleDefinition[] = [
  healthModule,
  authModule,
  orgModule,
  dictionariesModule,
  customFieldsModule,
  customersModule,
  customer360Module,
  lifecycleModule,
  relationshipModule,
  notificationsModule,
  poolsModule,
  jobsModule,
  duplicatesModule,
  contactsModule,
  searchModule,
  leadsModule,
  savedViewsModule,
  followUpsModule,
  visitsModule,
  returnVisitsModule,
  teamActivityModule,
  opportunitiesModule,
  tasksModule,
  complaintsModule,
  workReportsModule,
  workPlansModule,
  todoInboxModule,
  paymentsModule,
  customerValueModule,
  approvalsModule,
  ordersModule,
  membersModule,
  productsModule,
  expensesModule,
  stockModule,
  archiveModule,
  importsModule,
  handoverModule,
];

registerMessageCatalogs(serverModules.flatMap((m) => (m.messages ? [m.messages] : [])));

export const approvalAdapters = approvalAdaptersOf(serverModules);
// The engine picks a type's default approver from its adapter (see platform/approvals).
registerApprovalDefaults(approvalAdapters);
registerApprovalContexts(approvalAdapters);
registerApprovalFactSources(serverModules.flatMap((m) => (m.approvalFacts ? [m.approvalFacts] : [])));
registerCustomerDiscountSources(serverModules.flatMap((m) => (m.customerDiscounts ? [m.customerDiscounts] : [])));

/**
 * One event bus with every module's subscribers (lifecycle rules, approval adapters): the app has
 * one, and so does each background worker that publishes domain events (the import worker).
 */
export function createDomainEventBus(): EventBus {
  const events = createEventBus();
  for (const module of serverModules) module.subscribe?.(events);
  subscribeApprovalAdapters(events, approvalAdapters);
  return events;
}

/** Every module's durable jobs, by name (design §6). */
export function createJobCatalog(): JobRegistry {
  return createJobRegistry([...serverModules.flatMap((m) => m.jobs?.() ?? []), exportCleanupJob]);
}

/** What a new organization gets from the modules (default pool, lifecycle and price-authority defaults …). */
export const organizationSeeders: readonly OrganizationSeeder[] = serverModules.flatMap((m) =>
  m.organizationSeed ? [m.organizationSeed] : [],
);
