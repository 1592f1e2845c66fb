import type { Executor } from '../../platform/db/client.js';
import type { ApprovalStepDefinition } from '../../platform/db/schema/approvals.js';
import { approvalsRepository } from './approvals.repository.js';

/**
 * Who approves a step for this submitter, resolved when the step becomes current:
 * - `manager`: the manager `levels` up the chain (the top-most found when the chain is shorter);
 * - `role`: every enabled holder of the role; `users`: the named users still enabled.
 * The submitter never approves their own request; a step left with nobody falls back to the org's
 * enabled administrators, and an empty result means the step passes automatically.
 */
export async function resolveApprovers(
  db: Executor,
  key: { orgId: string; submitterId: string },
  step: ApprovalStepDefinition,
): Promise<string[]> {
  const candidates = await candidatesOf(db, key, step);
  const approvers = [...new Set(candidates)].filter((id) => id !== key.submitterId);
  if (approvers.length > 0) return approvers;
  const admins = await approvalsRepository.enabledRoleCodeHolders(db, { orgId: key.orgId, code: 'admin' });
  return admins.filter((id) => id !== key.submitterId);
}

async function candidatesOf(
  db: Executor,
  key: { orgId: string; submitterId: string },
  step: ApprovalStepDefinition,
): Promise<string[]> {
  switch (step.approverKind) {
    case 'manager': {
      const chain = await approvalsRepository.managerChain(db, {
        orgId: key.orgId,
        userId: key.submitterId,
        depth: step.levels ?? 1,
      });
      const target = chain.at(-1);
      return target && !target.disabled ? [target.id] : [];
    }
    case 'role':
      return step.roleId ? approvalsRepository.enabledRoleHolders(db, { orgId: key.orgId, roleId: step.roleId }) : [];
    case 'users':
      return approvalsRepository.enabledUsers(db, { orgId: key.orgId, ids: step.userIds ?? [] });
  }
}
