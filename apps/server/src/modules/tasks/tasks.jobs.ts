import type { Db } from '../../platform/db/client.js';
import type { JobDefinition } from '../../platform/jobs/job-registry.js';
import { notifyUsers } from '../notifications/index.js';
import { tasksRepository } from './tasks.repository.js';

const BATCH = 200;

/**
 * Notifies each assignee whose task reminder time has passed, once: the task is stamped
 * `reminded_at` in the same transaction, and the notification's dedupe key (task + reminder
 * time) keeps a repeated run from notifying twice.
 */
export async function sendTaskReminders(db: Db, now: Date, orgId: string | null = null): Promise<{ reminded: number }> {
  let reminded = 0;
  for (let round = 0; round < 50; round++) {
    const due = await tasksRepository.findDueReminders(db, { now, orgId, limit: BATCH });
    for (const task of due) {
      const sent = await db.transaction(async (tx) => {
        if (
          !(await tasksRepository.markReminded(tx, { orgId: task.orgId, id: task.id, remindAt: task.remindAt!, now }))
        )
          return false;
        await notifyUsers(tx, {
          orgId: task.orgId,
          userIds: [task.assigneeId],
          kind: 'task_reminder',
          params: { title: task.title, dueAt: task.dueAt ? task.dueAt.toISOString() : null },
          entity: 'task',
          entityId: task.id,
          dedupeKey: `task_reminder:${task.id}:${task.remindAt!.toISOString()}`,
        });
        return true;
      });
      if (sent) reminded++;
    }
    if (due.length < BATCH) break;
  }
  return { reminded };
}

/** Every 5 minutes, one run for every organization. */
export const taskJobs = (): JobDefinition[] => [
  {
    name: 'tasks.reminders',
    scope: 'global',
    schedule: { kind: 'interval', minutes: 5 },
    run: ({ db, now, orgId }) => sendTaskReminders(db, now, orgId),
  },
];
