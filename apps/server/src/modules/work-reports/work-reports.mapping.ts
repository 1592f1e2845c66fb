import type { ReportCounts, ReportKind, ReportStatus, WorkReport } from '@guanxi/contract';
import type { WorkReportRow } from './work-reports.repository.js';
import { iso } from '../../platform/db/row-values.js';

export const ZERO_COUNTS: ReportCounts = {
  newCustomers: 0,
  followUps: 0,
  visits: 0,
  stageMoves: 0,
  orders: 0,
  payments: 0,
};

/** The user ids a report names, for one name look-up. */
export const userIdsOf = (row: WorkReportRow): string[] => [
  row.authorId,
  ...row.recipientIds,
  ...(row.reviewerId ? [row.reviewerId] : []),
];

/** API shape of a report; `counts` and `dueAt` are passed in for drafts, which have none stored. */
export function toWorkReport(
  row: WorkReportRow,
  context: { names: Map<string, string>; canReview: boolean; counts?: ReportCounts; dueAt: Date },
): WorkReport {
  const ref = (id: string) => ({ id, name: context.names.get(id) ?? '' });
  return {
    id: row.id,
    kind: row.kind as ReportKind,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    author: ref(row.authorId),
    status: row.status as ReportStatus,
    work: row.work,
    plan: row.plan,
    problems: row.problems,
    recipients: row.recipientIds.map(ref),
    counts: { ...ZERO_COUNTS, ...(row.counts ?? context.counts ?? {}) },
    dueAt: (row.dueAt ?? context.dueAt).toISOString(),
    submittedAt: iso(row.submittedAt),
    isLate: row.isLate,
    reviewer: row.reviewerId ? ref(row.reviewerId) : null,
    reviewedAt: iso(row.reviewedAt),
    reviewComment: row.reviewComment,
    score: row.score,
    canReview: context.canReview,
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
    version: row.version,
  };
}
