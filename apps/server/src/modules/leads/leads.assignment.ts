import type { AssignLeadsBody, AssignLeadsResult, Lead } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { AppError, invalidField, notFound, staleVersion } from '../../platform/errors/app-error.js';
import { assignableLeadScope, claimableLeadScope, writtenLeadScope } from './lead-scope.js';
import { leadsRepository, type LeadRow } from './leads.repository.js';
import { toLead } from './leads.values.js';

const ASSIGNABLE_STATUSES = new Set(['new', 'assigned']);

/** Gives one locked lead to a user and records who did it and how (every assignment is audited). */
async function giveLead(
  tx: Executor,
  actor: Actor,
  lead: LeadRow,
  options: { userId: string; action: 'assign' | 'claim' },
): Promise<void> {
  const updated = await leadsRepository.update(
    tx,
    { orgId: actor.orgId, id: lead.id, version: lead.version },
    { ownerId: options.userId, status: 'assigned' },
  );
  if (!updated) throw staleVersion();
  await recordAudit(tx, actor, {
    action: options.action,
    entity: 'lead',
    entityId: lead.id,
    before: { ownerId: lead.ownerId, status: lead.status },
    after: { ownerId: options.userId, status: 'assigned' },
  });
}

export function createLeadAssignmentService({ db }: { db: Db }) {
  return {
    /**
     * Bulk assignment with per-row results (security A6): each lead is checked against the
     * caller's reach on its own; leads out of reach are reported as not found and left unchanged,
     * the rest are assigned in one transaction. Round-robin deals the leads in the order given.
     */
    async assign(actor: Actor, body: AssignLeadsBody): Promise<AssignLeadsResult> {
      if (body.mode === 'each' && body.userIds.length !== 1) throw invalidField('userIds', 'validation.oneUserForEach');
      return db.transaction(async (tx) => {
        const owners = new Set(await leadsRepository.findAssignableOwners(tx, actor, body.userIds));
        if (body.userIds.some((id) => !owners.has(id))) {
          throw new AppError('validation', 'error.unknownOwner', {
            fields: [{ field: 'userIds', key: 'validation.invalid' }],
          });
        }
        const locked = new Map(
          (await leadsRepository.lockByIds(tx, assignableLeadScope(actor), body.leadIds)).map((row) => [row.id, row]),
        );
        const result: AssignLeadsResult = { assigned: [], notFound: [], notAssignable: [] };
        for (const leadId of body.leadIds) {
          const lead = locked.get(leadId);
          if (!lead || lead.deletedAt !== null) result.notFound.push(leadId);
          else if (!ASSIGNABLE_STATUSES.has(lead.status)) result.notAssignable.push(leadId);
          else {
            const userId = body.userIds[result.assigned.length % body.userIds.length]!;
            await giveLead(tx, actor, lead, { userId, action: 'assign' });
            result.assigned.push({ leadId, userId });
          }
        }
        return result;
      });
    },

    /** A pool member takes an unassigned lead of their pool. */
    async claim(actor: Actor, id: string): Promise<Lead> {
      return db.transaction(async (tx) => {
        const [lead] = await leadsRepository.lockByIds(tx, claimableLeadScope(actor), [id]);
        if (!lead || lead.deletedAt !== null) throw notFound('entity.lead');
        if (lead.status === 'converted') throw new AppError('conflict', 'error.leadConverted');
        if (lead.ownerId !== null || lead.status !== 'new') throw new AppError('conflict', 'error.leadTaken');
        await giveLead(tx, actor, lead, { userId: actor.userId, action: 'claim' });
        return toLead((await leadsRepository.getById(tx, writtenLeadScope(actor), id))!, actor);
      });
    },
  };
}
