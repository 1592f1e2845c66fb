import { STAGES, type Stage } from '@guanxi/contract';
import type { TFunction } from 'i18next';
import { PAYMENT_OVERDUE_KIND, paymentNoticeText } from '../payments';

const isStage = (value: unknown): value is Stage => STAGES.includes(value as Stage);

/**
 * The interpolation values for a notification or to-do: the server sends codes and names, never
 * localized text, so stage codes and decisions are translated here.
 */
export function noticeValues(t: TFunction, params: Record<string, unknown>) {
  const text = (value: unknown) =>
    typeof value === 'string' || typeof value === 'number' ? String(value) : t('common.empty');
  const stageName = (value: unknown) => (isStage(value) ? t(`stage.${value}`) : t('common.empty'));
  const decision = params.decision ?? params.status;
  return {
    customerName: text(params.customerName),
    requesterName: text(params.requestedBy ?? params.requesterName),
    days: text(params.days),
    poolName: text(params.poolName),
    score: text(params.satisfaction),
    handlerName: text(params.handlerName),
    stageName: stageName(params.stage),
    fromName: stageName(params.from),
    toName: stageName(params.to),
    decision:
      decision === 'approved'
        ? t('notice.approved')
        : decision === 'rejected'
          ? t('notice.rejected')
          : t('common.empty'),
  };
}

/** Server kinds → catalog keys (the pool jobs name their kinds `pools.*`). */
const NOTICE_KEYS = {
  customer_stuck: 'customer_stuck',
  relationship_decline: 'relationship_decline',
  stage_approval_requested: 'stage_approval_requested',
  stage_approval_decided: 'stage_approval_decided',
  pool_reclaim_reminder: 'pool_reclaim_reminder',
  'pools.reclaimReminder': 'pool_reclaim_reminder',
  'pools.reclaimed': 'pool_reclaimed',
  return_visit_low_score: 'return_visit_low_score',
} as const;
const TODO_KINDS = ['customer_stuck', 'stage_approval', 'relationship_decline'] as const;

/** Notifications of tasks, work reports and plans (catalog `workNotice`). */
const WORK_NOTICE_KINDS = [
  'task_assigned',
  'task_reminder',
  'work_report_submitted',
  'work_report_reviewed',
  'work_plan_submitted',
  'work_plan_reviewed',
] as const;

function workNoticeText(
  t: TFunction,
  kind: (typeof WORK_NOTICE_KINDS)[number],
  params: Record<string, unknown>,
): string {
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
  const reportKind =
    params.reportKind === 'daily' || params.reportKind === 'weekly' || params.reportKind === 'monthly'
      ? t(`report.kinds.${params.reportKind}`)
      : '';
  // An approved plan carries its score: the author reads the assessment in the notice itself.
  const key =
    kind === 'work_plan_reviewed' && params.score !== undefined && params.score !== null ? 'work_plan_scored' : kind;
  return t(`workNotice.${key}`, {
    title: text(params.title),
    assignedBy: text(params.assignedBy),
    authorName: text(params.authorName),
    reviewerName: text(params.reviewerName),
    periodStart: text(params.periodStart),
    score: text(params.score),
    reportKind,
  });
}

/** Approvals engine notices (catalog `approvalNotice`): any business type, the request's own title. */
function approvalNoticeText(
  t: TFunction,
  kind: 'approval_requested' | 'approval_decided' | 'approval',
  params: Record<string, unknown>,
): string {
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
  const status =
    params.status === 'approved' || params.status === 'rejected' || params.status === 'withdrawn'
      ? t(`approvalInbox.statuses.${params.status}`)
      : '';
  const key = kind === 'approval_requested' ? 'requested' : kind === 'approval_decided' ? 'decided' : 'todo';
  return t(`approvalNotice.${key}`, { title: text(params.title), stepName: text(params.stepName), status });
}

const COMPLAINT_NOTICE_KINDS = [
  'complaint_opened',
  'complaint_assigned',
  'complaint_resolved',
  'complaint_sla_warning',
  'complaint_sla_breached',
] as const;

/** Complaint notices (catalog `complaintNotice`); the SLA clock's name is translated here. */
function complaintNoticeText(
  t: TFunction,
  kind: (typeof COMPLAINT_NOTICE_KINDS)[number],
  params: Record<string, unknown>,
): string {
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
  const clock =
    params.clock === 'first_response' || params.clock === 'resolution' ? t(`complaint.clock.${params.clock}`) : '';
  const key = kind === 'complaint_opened' && params.repeat === true ? 'complaint_opened_repeat' : kind;
  return t(`complaintNotice.${key}`, {
    subject: text(params.subject),
    customer: text(params.customer),
    assignedBy: text(params.assignedBy),
    clock,
  });
}

export function noticeText(t: TFunction, kind: string, params: Record<string, unknown>): string {
  const complaint = COMPLAINT_NOTICE_KINDS.find((k) => k === kind);
  if (complaint) return complaintNoticeText(t, complaint, params);
  if (kind === 'approval_requested' || kind === 'approval_decided') return approvalNoticeText(t, kind, params);
  const work = WORK_NOTICE_KINDS.find((k) => k === kind);
  if (work) return workNoticeText(t, work, params);
  if (kind === PAYMENT_OVERDUE_KIND) return paymentNoticeText(t, params);
  const key = kind in NOTICE_KEYS ? NOTICE_KEYS[kind as keyof typeof NOTICE_KEYS] : null;
  return key ? t(`notice.${key}`, noticeValues(t, params)) : t('notice.unknown');
}

export function todoText(t: TFunction, kind: string, params: Record<string, unknown>): string {
  if (kind === 'approval') return approvalNoticeText(t, kind, params);
  const known = TODO_KINDS.find((k) => k === kind);
  return known ? t(`todo.${known}`, noticeValues(t, params)) : t('todo.unknown');
}

/** Where a notification or to-do leads: its customer, when it is about one. */
export function entityPath(entity: string, entityId: string, params: Record<string, unknown>): string | null {
  if (entity === 'customer') return `/customers/${entityId}`;
  if (entity === 'approval_request') return `/approvals?open=${entityId}`;
  if (entity === 'task') return `/tasks?open=${entityId}`;
  if (entity === 'work_report') return `/work-reports/${entityId}`;
  if (entity === 'work_plan') return `/work-plans/${entityId}`;
  if (entity === 'order') return `/orders/${entityId}`;
  if (entity === 'complaint') return `/complaints/${entityId}`;
  if (typeof params.customerId === 'string') return `/customers/${params.customerId}`;
  if (entity === 'stage_transition_request') return '/approvals';
  return null;
}
