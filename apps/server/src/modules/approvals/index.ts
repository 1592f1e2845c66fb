/**
 * The approvals engine (issue 5): flows per business type, requests with ordered steps, decisions.
 * Other modules submit requests in their own transaction and bind their business types with an
 * approval adapter (`<module>.approvals.ts`) in their module definition.
 */
import { defineModule } from '../../platform/module-kit/module-definition.js';
import { approvalsMessages } from './approvals.messages.js';
import { approvalsRoutes } from './approvals.routes.js';

export {
  approvalEngine,
  APPROVAL_TODO_KIND,
  REQUEST_ENTITY as APPROVAL_REQUEST_ENTITY,
  type ApprovalSubmission,
  type ApprovalRequestView,
  type ApprovalEntityKey,
} from './approvals.engine.js';

export { pendingApprovalsHandover } from './approvals.handover.js';
export { approvalTitle } from './approvals.titles.js';

/** The engine's own routes: flows, requests, decisions; modules bind their business types with adapters. */
export const approvalsModule = defineModule({
  name: 'approvals',
  messages: approvalsMessages,
  routes: approvalsRoutes,
});
