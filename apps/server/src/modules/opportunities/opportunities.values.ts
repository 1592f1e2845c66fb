import type { Opportunity, OpportunityStatus } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import { AppError, invalidField, notFound, staleVersion } from '../../platform/errors/app-error.js';
import { visibleCustomFieldValues } from '../custom-fields/index.js';
import { isAssignableOwner } from '../customers/index.js';
import { opportunitiesRepository, type OpportunityRow } from './opportunities.repository.js';

export const toOpportunity = (row: OpportunityRow, actor: Pick<Actor, 'fieldPermissions'>): Opportunity => ({
  id: row.id,
  customerId: row.customerId,
  customerName: row.customerName,
  name: row.name,
  amountFen: row.amountFen,
  currency: row.currency,
  expectedCloseDate: row.expectedCloseDate,
  processId: row.processId,
  stageId: row.stageId,
  stageName: row.stageName,
  stageNameEn: row.stageNameEn,
  probability: row.probability,
  ownerId: row.ownerId,
  ownerName: row.ownerName,
  status: row.status as OpportunityStatus,
  closeReason: row.closeReason,
  lossReasonId: row.lossReasonId,
  lossReasonName: row.lossReasonName,
  lossReasonNameEn: row.lossReasonNameEn,
  lostToCompetitorId: row.lostToCompetitorId,
  lostToCompetitorName: row.lostToCompetitorName,
  closedAt: row.closedAt?.toISOString() ?? null,
  customFields: visibleCustomFieldValues(actor.fieldPermissions, 'opportunity', row.customFields),
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
  version: row.version,
});

/** The audited state of an opportunity: its own columns, without joined names. */
export const auditedState = (row: OpportunityRow) => ({
  customerId: row.customerId,
  name: row.name,
  amountFen: row.amountFen,
  currency: row.currency,
  expectedCloseDate: row.expectedCloseDate,
  processId: row.processId,
  stageId: row.stageId,
  ownerId: row.ownerId,
  status: row.status,
  closeReason: row.closeReason,
  lossReasonId: row.lossReasonId,
  lostToCompetitorId: row.lostToCompetitorId,
  customFields: row.customFields,
  version: row.version,
});

/** Locks an opportunity the actor may change: unknown or out of scope → 404; a stale version → 409. */
export async function lockOpportunity(
  tx: Executor,
  actor: Actor,
  id: string,
  version?: number,
): Promise<OpportunityRow> {
  const row = await opportunitiesRepository.lockById(tx, actor, id);
  if (!row) throw notFound('entity.opportunity');
  if (version !== undefined && row.version !== version) throw staleVersion();
  return row;
}

/** Stage moves and closing apply to open opportunities only. */
export function assertOpen(row: OpportunityRow): void {
  if (row.status !== 'open') throw new AppError('business_rule', 'error.opportunityClosed');
}

/** Another owner must be an active user inside the actor's data scope (security A10). */
export async function assertAssignableOwner(tx: Executor, actor: Actor, ownerId: string): Promise<void> {
  if (ownerId === actor.userId) return;
  if (!(await isAssignableOwner(tx, actor, ownerId))) {
    throw new AppError('validation', 'error.ownerNotAllowed', {
      fields: [{ field: 'ownerId', key: 'validation.invalid' }],
    });
  }
}

/** Trimmed text that must not be empty: only spaces → 400 naming the field. */
export function requiredText(field: string, text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') throw invalidField(field, 'validation.required');
  return trimmed;
}
