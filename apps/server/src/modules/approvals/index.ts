import { defineModule } from '../../platform/modules/module-definition.js';
import { approvalsRoutes } from './approvals.routes.js';
/**
 * The approvals engine (issue 5): flows per business type, requests with ordered steps, decisions.
 * Other modules submit requests in their own transaction and subscribe to `approval.decided`.
 */
export {
  approvalEngine,
  APPROVAL_TODO_KIND,
  REQUEST_ENTITY as APPROVAL_REQUEST_ENTITY,
  type ApprovalSubmission,
  type ApprovalRequestView,
  type ApprovalEntityKey,
} from './approvals.engine.js';
export { approvalsRoutes } from './approvals.routes.js';

/** The engine's own routes: flows, requests, decisions; modules bind their business types with adapters. */
export const approvalsModule = defineModule({ name: 'approvals', routes: approvalsRoutes });
