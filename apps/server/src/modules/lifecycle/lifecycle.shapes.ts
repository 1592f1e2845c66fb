import type { Stage, StageRequestStatus, StageTransition, StageTransitionRequest } from '@guanxi/contract';
import type { RequestRow } from './approvals.repository.js';
import type { TransitionRow } from './transitions.repository.js';
import { iso } from '../../platform/db/row-values.js';

/** API shape of a transition log row. */
export const toStageTransition = (row: TransitionRow): StageTransition => ({
  id: row.id,
  customerId: row.customerId,
  from: row.fromStage as Stage | null,
  to: row.toStage as Stage,
  at: iso(row.at)!,
  actorId: row.actorId,
  actorName: row.actorName,
  ruleId: row.ruleId,
  reason: row.reason,
  approverId: row.approverId,
  approverName: row.approverName,
  triggeringEvent: row.triggeringEvent,
  triggeringEntityId: row.triggeringEntityId,
});

/** API shape of a stage-change request. */
export const toStageRequest = (row: RequestRow): StageTransitionRequest => ({
  id: row.id,
  customerId: row.customerId,
  customerName: row.customerName,
  from: row.fromStage as Stage,
  to: row.toStage as Stage,
  reason: row.reason,
  status: row.status as StageRequestStatus,
  requestedBy: row.requestedBy,
  requestedAt: iso(row.requestedAt)!,
  approverIds: row.approverIds,
  decidedBy: row.decidedBy,
  decidedAt: iso(row.decidedAt),
  comment: row.comment,
});
