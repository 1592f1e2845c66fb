import { TASK_DEFAULT_REMIND_MINUTES } from '@guanxi/contract';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { tasksRepository } from './tasks.repository.js';

/** A task a rule creates for a user (a stage's default task, a first order's return visit). */
export interface SystemTask {
  title: string;
  description: string | null;
  dueAt: Date;
  assigneeId: string;
  relatedType: 'customer';
  relatedId: string;
}

/**
 * Creates tasks on behalf of a rule, in the caller's transaction: no scope check (the rule decided
 * the assignee), each audited as a task `create`. No "assigned to you" notice: nobody assigned it;
 * the task's reminder and the to-do inbox bring it up. `createdBy` is the user whose action
 * triggered the rule, or the assignee when a job did.
 */
export async function createSystemTasks(
  tx: Executor,
  audit: AuditContext,
  tasks: readonly SystemTask[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const task of tasks) {
    const id = newId();
    const remindAt = new Date(task.dueAt.getTime() - TASK_DEFAULT_REMIND_MINUTES * 60_000);
    const values = {
      orgId: audit.orgId,
      id,
      title: task.title.slice(0, 200),
      description: task.description,
      dueAt: task.dueAt,
      remindAt: remindAt.getTime() > Date.now() ? remindAt : null,
      assigneeId: task.assigneeId,
      relatedType: task.relatedType,
      relatedId: task.relatedId,
      createdBy: audit.userId ?? task.assigneeId,
    };
    await tasksRepository.insert(tx, values);
    await recordAudit(tx, audit, { action: 'create', entity: 'task', entityId: id, after: values });
    ids.push(id);
  }
  return ids;
}
