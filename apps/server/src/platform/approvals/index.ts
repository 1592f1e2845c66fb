// The approvals engine's defaults as the composition root and its tests see them.
export { defaultStepOf, registerApprovalDefaults } from './approval-defaults.js';
