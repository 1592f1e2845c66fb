import { paymentsEndpoints } from './payments.endpoints.js';
import { stockEndpoints } from './stock.endpoints.js';
import { productsEndpoints } from './products.endpoints.js';
import { expensesEndpoints } from './expenses.endpoints.js';
import { approvalsEndpoints } from './approvals.endpoints.js';
import { customerValueEndpoints } from './customer-value.endpoints.js';
import { membersEndpoints } from './members.endpoints.js';
import { contactsEndpoints } from './contacts.endpoints.js';
import { customFieldsEndpoints } from './custom-fields.endpoints.js';
import { duplicatesEndpoints } from './duplicates.endpoints.js';
import { searchEndpoints } from './search.endpoints.js';
import { lifecycleEndpoints } from './lifecycle.endpoints.js';
import { relationshipEndpoints } from './relationship.endpoints.js';
import { savedViewsEndpoints } from './saved-views.endpoints.js';
import { leadPoolsEndpoints, leadsEndpoints } from './leads.endpoints.js';
import { customerPoolsEndpoints, ownershipEndpoints } from './pools.endpoints.js';
import { customersEndpoints } from './customers.endpoints.js';
import { customer360Endpoints } from './customer-360.endpoints.js';
import { creditEndpoints, financeSettingsEndpoints, ordersEndpoints } from './orders.endpoints.js';
import { opportunitiesEndpoints, salesProcessesEndpoints } from './opportunities.endpoints.js';
import {
  competitorsEndpoints,
  lossReasonsEndpoints,
  opportunityCompetitionEndpoints,
} from './opportunity-competition.endpoints.js';
import { attachmentsEndpoints, followUpTypesEndpoints, followUpsEndpoints } from './follow-ups.endpoints.js';
import { visitsEndpoints } from './visits.endpoints.js';
import { returnVisitsEndpoints } from './return-visits.endpoints.js';
import { tasksEndpoints } from './tasks.endpoints.js';
import { workReportsEndpoints } from './work-reports.endpoints.js';
import { workPlansEndpoints } from './work-plans.endpoints.js';
import { todoInboxEndpoints } from './todo-inbox.endpoints.js';
import { teamActivityEndpoints } from './team-activity.endpoints.js';
import { notificationsEndpoints, todosEndpoints } from './notifications.endpoints.js';
import { jobsEndpoints } from './jobs.endpoints.js';
import { organizationExportsEndpoints } from './organization-export.endpoints.js';
import { exportJobsEndpoints } from './export.js';
import { importsEndpoints, importTemplatesEndpoints } from './imports.endpoints.js';
import {
  auditLogEndpoints,
  departmentsEndpoints,
  organizationEndpoints,
  rolesEndpoints,
  usersEndpoints,
} from './org.endpoints.js';
import { authEndpoints } from './auth.endpoints.js';
import { handoverEndpoints } from './handover.endpoints.js';
import { dictionariesEndpoints } from './dictionaries.endpoints.js';
import { complaintsEndpoints } from './complaints.endpoints.js';

/**
 * Every endpoint defined in the contract, by resource: `endpoints.orders.submit`. A module adds
 * its `<module>.endpoints.ts` here; routes not yet listed are still declared in their routes file.
 */
export const endpoints = {
  dictionaries: dictionariesEndpoints,
  handover: handoverEndpoints,
  exportJobs: exportJobsEndpoints,
  orders: ordersEndpoints,
  credit: creditEndpoints,
  financeSettings: financeSettingsEndpoints,
  payments: paymentsEndpoints,
  stock: stockEndpoints,
  products: productsEndpoints,
  expenses: expensesEndpoints,
  approvals: approvalsEndpoints,
  customerValue: customerValueEndpoints,
  members: membersEndpoints,
  customers: customersEndpoints,
  customer360: customer360Endpoints,
  contacts: contactsEndpoints,
  customFields: customFieldsEndpoints,
  duplicates: duplicatesEndpoints,
  search: searchEndpoints,
  lifecycle: lifecycleEndpoints,
  relationship: relationshipEndpoints,
  savedViews: savedViewsEndpoints,
  leads: leadsEndpoints,
  leadPools: leadPoolsEndpoints,
  customerPools: customerPoolsEndpoints,
  ownership: ownershipEndpoints,
  opportunities: opportunitiesEndpoints,
  salesProcesses: salesProcessesEndpoints,
  opportunityCompetition: opportunityCompetitionEndpoints,
  competitors: competitorsEndpoints,
  lossReasons: lossReasonsEndpoints,
  followUps: followUpsEndpoints,
  attachments: attachmentsEndpoints,
  followUpTypes: followUpTypesEndpoints,
  visits: visitsEndpoints,
  returnVisits: returnVisitsEndpoints,
  tasks: tasksEndpoints,
  complaints: complaintsEndpoints,
  workReports: workReportsEndpoints,
  workPlans: workPlansEndpoints,
  todoInbox: todoInboxEndpoints,
  teamActivity: teamActivityEndpoints,
  notifications: notificationsEndpoints,
  todos: todosEndpoints,
  jobs: jobsEndpoints,
  imports: importsEndpoints,
  importTemplates: importTemplatesEndpoints,
  users: usersEndpoints,
  roles: rolesEndpoints,
  departments: departmentsEndpoints,
  auditLog: auditLogEndpoints,
  organization: organizationEndpoints,
  organizationExports: organizationExportsEndpoints,
  auth: authEndpoints,
} as const;
