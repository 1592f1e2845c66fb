// The approvals engine's defaults and decision facts as the composition root and its tests see them.
export { defaultStepOf, registerApprovalDefaults } from './approval-defaults.js';
export {
  approvalContextOf,
  recentFollowUps,
  registerApprovalContexts,
  registerApprovalFactSources,
} from './approval-contexts.js';
