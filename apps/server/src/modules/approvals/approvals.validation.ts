import type { UpdateApprovalFlowBody } from '@guanxi/contract';
import type { Executor } from '../../platform/db/client.js';
import { AppError, type FieldError } from '../../platform/errors/app-error.js';
import { approvalsRepository } from './approvals.repository.js';

/**
 * Checks what the schema cannot: a role step names a role of this org, a users step names at
 * least one user of this org. Every problem is reported at once, each naming `steps[i].<field>`.
 */
export async function validateSteps(
  db: Executor,
  orgId: string,
  steps: UpdateApprovalFlowBody['steps'],
): Promise<void> {
  const fields: FieldError[] = [];
  const allUserIds = steps.flatMap((s) => (s.approverKind === 'users' ? (s.userIds ?? []) : []));
  const existing = await approvalsRepository.existingUserIds(db, { orgId, ids: allUserIds });
  for (const [index, step] of steps.entries()) {
    if (step.name.trim() === '') fields.push({ field: `steps[${index}].name`, key: 'validation.required' });
    if (step.approverKind === 'role') {
      if (!step.roleId) fields.push({ field: `steps[${index}].roleId`, key: 'validation.approval.roleRequired' });
      else if (!(await approvalsRepository.roleExists(db, { orgId, id: step.roleId }))) {
        fields.push({ field: `steps[${index}].roleId`, key: 'validation.approval.unknownRole' });
      }
    }
    if (step.approverKind === 'users') {
      const ids = step.userIds ?? [];
      if (ids.length === 0) fields.push({ field: `steps[${index}].userIds`, key: 'validation.approval.usersRequired' });
      else if (ids.some((id) => !existing.has(id)))
        fields.push({ field: `steps[${index}].userIds`, key: 'validation.approval.unknownUser' });
    }
  }
  if (fields.length > 0) throw new AppError('validation', 'error.validation', { fields });
}
