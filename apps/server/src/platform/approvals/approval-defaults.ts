import type { ApprovalBusinessType } from '@guanxi/contract';
import type { ApprovalAdapter, ApprovalDefaultStep } from '../module-kit/module-definition.js';

const defaultSteps = new Map<ApprovalBusinessType, ApprovalDefaultStep>();

/**
 * Called once by the composition root with every module's approval adapters, so the approvals
 * engine knows each type's default step without importing the modules that own the types.
 */
export function registerApprovalDefaults(adapters: readonly Pick<ApprovalAdapter, 'businessType' | 'defaultStep'>[]) {
  for (const { businessType, defaultStep } of adapters) defaultSteps.set(businessType, defaultStep);
}

/** The direct manager approves unless the owning module says otherwise (a type without a module yet, too). */
export const defaultStepOf = (businessType: ApprovalBusinessType): ApprovalDefaultStep =>
  defaultSteps.get(businessType) ?? 'manager';
