import type { Db } from '../../platform/db/client.js';
import type { JobDefinition } from '../../platform/jobs/job-registry.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { iso } from '../../platform/db/row-values.js';
import { notifyUsers } from '../notifications/index.js';
import { complaintsRepository as repo } from './complaints.repository.js';
import { dueSlaEvents, nextSlaCheck } from './complaints.sla.js';

const BATCH = 200;

/**
 * Warns the handler as a deadline nears (at 80 % of its business time) and escalates a breach to
 * the handler and their manager (the creator and theirs while nobody handles it). Reads only the
 * tickets whose `sla_check_at` has passed; each is marked and given its next check time in the
 * notice's transaction, and the notices' dedupe keys keep a rerun from sending twice.
 */
export async function checkComplaintSla(
  db: Db,
  now: Date,
  orgId: string | null = null,
): Promise<{ warned: number; breached: number }> {
  let warned = 0;
  let breached = 0;
  for (let round = 0; round < 50; round++) {
    const due = await repo.findSlaDue(db, { now, orgId, limit: BATCH });
    for (const key of due) {
      await db.transaction(async (tx) => {
        const locked = await repo.lockForJob(tx, key.orgId, key.id);
        if (!locked) return;
        const ticket = locked.row;
        const events = dueSlaEvents(ticket, now);
        const changes: Partial<typeof ticket> = {};
        for (const event of events) {
          const field =
            event.clock === 'first_response'
              ? event.kind === 'breach'
                ? 'firstResponseBreached'
                : 'firstResponseWarned'
              : event.kind === 'breach'
                ? 'resolutionBreached'
                : 'resolutionWarned';
          changes[field] = true;
          // A breach settles its warning too.
          if (event.kind === 'breach')
            changes[event.clock === 'first_response' ? 'firstResponseWarned' : 'resolutionWarned'] = true;
          const responsible = ticket.handlerId ?? ticket.createdBy;
          const recipients = [responsible];
          if (event.kind === 'breach') {
            const manager = await repo.managerOf(tx, ticket.orgId, responsible);
            if (manager) recipients.push(manager);
          }
          await notifyUsers(tx, {
            orgId: ticket.orgId,
            userIds: recipients,
            kind: event.kind === 'breach' ? 'complaint_sla_breached' : 'complaint_sla_warning',
            params: { subject: ticket.subject, clock: event.clock, dueAt: iso(event.dueAt) },
            entity: 'complaint',
            entityId: ticket.id,
            dedupeKey: `complaint_sla:${ticket.id}:${event.clock}:${event.kind}:${iso(event.dueAt)}`,
          });
          if (event.kind === 'breach') breached++;
          else warned++;
        }
        const slaCheckAt = nextSlaCheck({ ...ticket, ...changes });
        await repo.markSla(tx, ticket, { ...changes, slaCheckAt });
        if (events.some((e) => e.kind === 'breach')) {
          await recordAudit(
            tx,
            { orgId: ticket.orgId, userId: null, ip: null, requestId: null },
            { action: 'escalate', entity: 'complaint', entityId: ticket.id, after: changes },
          );
        }
      });
    }
    if (due.length < BATCH) break;
  }
  return { warned, breached };
}

/** Every 5 minutes, one run for every organization. */
export const complaintJobs = (): JobDefinition[] => [
  {
    name: 'complaints.sla',
    scope: 'global',
    schedule: { kind: 'interval', minutes: 5 },
    run: ({ db, now, orgId }) => checkComplaintSla(db, now, orgId),
  },
];
