import { and, eq, isNull } from 'drizzle-orm';
import { tasks } from '../../platform/db/schema/index.js';
import { heldRecordsHandover, type HolderKey } from '../../platform/handover/held-records.js';

/** Open, live tasks assigned to the user. */
const openTasksOf = (key: HolderKey) =>
  and(eq(tasks.orgId, key.orgId), eq(tasks.assigneeId, key.userId), eq(tasks.status, 'open'), isNull(tasks.deletedAt));

/** A leaving user's open tasks for the hand-over (issue 13): count, list, move with audit. */
export const openTasksHandover = heldRecordsHandover({
  table: tasks,
  id: tasks.id,
  version: tasks.version,
  label: tasks.title,
  holder: 'assigneeId',
  entity: 'task',
  held: openTasksOf,
});
