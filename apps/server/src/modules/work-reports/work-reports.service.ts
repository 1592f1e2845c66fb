import type {
  CreateWorkReportBody,
  ReportCountsPreview,
  ReportCountsQuery,
  ReportKind,
  ReviewWorkReportBody,
  UpdateWorkReportBody,
  WorkReport,
  WorkReportListQuery,
  WorkReportPage,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { AppError, forbidden, invalidField, notFound, staleVersion } from '../../platform/errors/app-error.js';
import { decodeCursor, keysetPage } from '../../platform/pagination.js';
import { notifyUsers } from '../notifications/index.js';
import { dueAtOf } from './report-due-times.js';
import { reportCountsRepository } from './report-counts.repository.js';
import { getReportSettings } from './report-settings.js';
import { toWorkReport, userIdsOf } from './work-reports.mapping.js';
import { workReportsRepository as reports, type WorkReportRow } from './work-reports.repository.js';
import { localDateOf, orgTimeZone, periodOf, periodRange, type Period } from '../../platform/time/index.js';

export interface WorkReportsServiceOptions {
  db: Db;
  /** Tests pass a fixed clock (late flags, "today"). */
  clock?: () => Date;
}

/** Work reports: write, submit (counts and the late flag are fixed then), review and read. */
export function createWorkReportsService({ db, clock = () => new Date() }: WorkReportsServiceOptions) {
  async function countsOf(
    executor: Executor,
    key: { orgId: string; userId: string; period: Period; timeZone: string },
  ) {
    const { from, to } = periodRange(key.period, key.timeZone);
    return reportCountsRepository.countFor(executor, {
      orgId: key.orgId,
      userId: key.userId,
      from,
      to,
      firstDay: key.period.start,
      lastDay: key.period.end,
    });
  }

  async function present(executor: Executor, actor: Actor, rows: WorkReportRow[]): Promise<WorkReport[]> {
    const names = await reports.userNames(executor, { orgId: actor.orgId, ids: rows.flatMap(userIdsOf) });
    const timeZone = await orgTimeZone(executor, actor.orgId);
    const mayReview = actor.permissions.has('reports.review');
    const presented: WorkReport[] = [];
    // One query at a time: inside a transaction every query uses its one connection.
    for (const row of rows) {
      const period = { start: row.periodStart, end: row.periodEnd };
      // A draft shows its counts so far; a submitted report keeps those taken at submit time.
      const counts = row.counts
        ? undefined
        : await countsOf(executor, { orgId: actor.orgId, userId: row.authorId, period, timeZone });
      presented.push(
        toWorkReport(row, {
          names,
          counts,
          dueAt: row.dueAt ?? clock(),
          canReview: mayReview && row.reviewable && row.status !== 'draft',
        }),
      );
    }
    return presented;
  }

  /** Known, active users of the organization plus the author's direct manager, who always reads it. */
  async function recipientsFor(executor: Executor, actor: Actor, ids: readonly string[]): Promise<string[]> {
    const wanted = [...new Set(ids)].filter((id) => id !== actor.userId);
    const found = await reports.findActiveUserIds(executor, { orgId: actor.orgId, ids: wanted });
    if (found.length !== wanted.length) throw invalidField('recipientIds', 'validation.invalid');
    const manager = await reports.directManagerOf(executor, { orgId: actor.orgId, userId: actor.userId });
    return manager && !found.includes(manager) ? [manager, ...found] : found;
  }

  async function lockOwnDraft(tx: Executor, actor: Actor, id: string, version: number): Promise<WorkReportRow> {
    const row = await reports.lockById(tx, actor, id);
    if (!row) throw notFound('entity.workReport');
    if (row.authorId !== actor.userId) throw forbidden();
    if (row.version !== version) throw staleVersion();
    if (row.status !== 'draft') throw new AppError('conflict', 'error.reportNotDraft');
    return row;
  }

  async function getPresented(executor: Executor, actor: Actor, id: string): Promise<WorkReport> {
    const row = await reports.getById(executor, actor, id);
    if (!row) throw notFound('entity.workReport');
    return (await present(executor, actor, [row]))[0]!;
  }

  return {
    async list(actor: Actor, query: WorkReportListQuery): Promise<WorkReportPage> {
      const limit = query.limit ?? 50;
      const cursor = decodeCursor(query.cursor, 'text');
      const rows = await reports.findPage(db, actor, {
        view: query.view ?? 'mine',
        filters: query,
        cursor,
        limit: limit + 1,
      });
      const page = keysetPage(rows, { limit, sortValueOf: (row) => row.periodStart });
      return { items: await present(db, actor, page.rows), nextCursor: page.nextCursor };
    },

    get: (actor: Actor, id: string) => getPresented(db, actor, id),

    /** The counts a report of this period would carry now, for the writing screen. */
    async previewCounts(actor: Actor, query: ReportCountsQuery): Promise<ReportCountsPreview> {
      const period = periodOf(query.kind, query.period);
      const timeZone = await orgTimeZone(db, actor.orgId);
      const settings = await getReportSettings(db, actor.orgId);
      const own = await reports.getOwnByPeriod(db, {
        orgId: actor.orgId,
        authorId: actor.userId,
        kind: query.kind,
        periodStart: period.start,
      });
      return {
        kind: query.kind,
        periodStart: period.start,
        periodEnd: period.end,
        dueAt: dueAtOf(query.kind, period, settings, timeZone).toISOString(),
        counts: await countsOf(db, { orgId: actor.orgId, userId: actor.userId, period, timeZone }),
        reportId: own?.id ?? null,
      };
    },

    async create(actor: Actor, body: CreateWorkReportBody): Promise<WorkReport> {
      const kind: ReportKind = body.kind;
      const period = periodOf(kind, body.period);
      const id = newId();
      await db.transaction(async (tx) => {
        const timeZone = await orgTimeZone(tx, actor.orgId);
        if (period.start > localDateOf(clock(), timeZone)) throw invalidField('period', 'validation.notFuture');
        if (
          await reports.getOwnByPeriod(tx, {
            orgId: actor.orgId,
            authorId: actor.userId,
            kind,
            periodStart: period.start,
          })
        ) {
          throw new AppError('conflict', 'error.reportExists');
        }
        const settings = await getReportSettings(tx, actor.orgId);
        const values = {
          orgId: actor.orgId,
          id,
          authorId: actor.userId,
          kind,
          periodStart: period.start,
          periodEnd: period.end,
          work: body.work ?? '',
          plan: body.plan ?? '',
          problems: body.problems ?? '',
          recipientIds: await recipientsFor(tx, actor, body.recipientIds ?? []),
          dueAt: dueAtOf(kind, period, settings, timeZone),
        };
        await reports.insert(tx, values);
        await recordAudit(tx, actor, { action: 'create', entity: 'work_report', entityId: id, after: values });
      });
      return getPresented(db, actor, id);
    },

    async update(actor: Actor, id: string, body: UpdateWorkReportBody): Promise<WorkReport> {
      const { version, recipientIds, ...text } = body;
      return db.transaction(async (tx) => {
        const before = await lockOwnDraft(tx, actor, id, version);
        const changes = {
          ...text,
          ...(recipientIds ? { recipientIds: await recipientsFor(tx, actor, recipientIds) } : {}),
        };
        if (!(await reports.update(tx, { orgId: actor.orgId, id, version }, changes))) throw staleVersion();
        const { reviewable: _r, ...snapshot } = before;
        await recordAudit(tx, actor, {
          action: 'update',
          entity: 'work_report',
          entityId: id,
          before: snapshot,
          after: changes,
        });
        return getPresented(tx, actor, id);
      });
    },

    /** Fixes the counts and the due time, flags a late submission, and tells the recipients. */
    async submit(actor: Actor, id: string, version: number): Promise<WorkReport> {
      const now = clock();
      return db.transaction(async (tx) => {
        const before = await lockOwnDraft(tx, actor, id, version);
        const timeZone = await orgTimeZone(tx, actor.orgId);
        const settings = await getReportSettings(tx, actor.orgId);
        const kind = before.kind as ReportKind;
        const period = { start: before.periodStart, end: before.periodEnd };
        const dueAt = dueAtOf(kind, period, settings, timeZone);
        const counts = await countsOf(tx, { orgId: actor.orgId, userId: actor.userId, period, timeZone });
        // The manager may have changed since the draft was started.
        const recipientIds = await recipientsFor(tx, actor, before.recipientIds);
        const changes = {
          status: 'submitted',
          counts,
          dueAt,
          submittedAt: now,
          isLate: now.getTime() > dueAt.getTime(),
          recipientIds,
        };
        if (!(await reports.update(tx, { orgId: actor.orgId, id, version }, changes))) throw staleVersion();
        await recordAudit(tx, actor, { action: 'submit', entity: 'work_report', entityId: id, after: changes });
        await notifyUsers(tx, {
          orgId: actor.orgId,
          userIds: recipientIds,
          kind: 'work_report_submitted',
          params: {
            authorName: actor.displayName,
            reportKind: kind,
            periodStart: period.start,
            isLate: changes.isLate,
          },
          entity: 'work_report',
          entityId: id,
          dedupeKey: `work_report_submitted:${id}`,
        });
        return getPresented(tx, actor, id);
      });
    },

    /**
     * The author's direct manager, or a reviewer whose data scope covers the author, scores the
     * report 1–5 with a comment; reviewing again replaces the score.
     */
    async review(actor: Actor, id: string, body: ReviewWorkReportBody): Promise<WorkReport> {
      const now = clock();
      return db.transaction(async (tx) => {
        const before = await reports.lockById(tx, actor, id);
        if (!before || before.status === 'draft') throw notFound('entity.workReport');
        if (!before.reviewable) throw forbidden();
        const changes = {
          status: 'reviewed',
          score: body.score,
          reviewComment: body.comment?.trim() || null,
          reviewerId: actor.userId,
          reviewedAt: now,
        };
        if (!(await reports.update(tx, { orgId: actor.orgId, id, version: before.version }, changes)))
          throw staleVersion();
        await recordAudit(tx, actor, {
          action: 'review',
          entity: 'work_report',
          entityId: id,
          before: { status: before.status, score: before.score, reviewComment: before.reviewComment },
          after: changes,
        });
        await notifyUsers(tx, {
          orgId: actor.orgId,
          userIds: [before.authorId],
          kind: 'work_report_reviewed',
          params: {
            reviewerName: actor.displayName,
            reportKind: before.kind,
            periodStart: before.periodStart,
            score: body.score,
          },
          entity: 'work_report',
          entityId: id,
          dedupeKey: `work_report_reviewed:${id}:${now.toISOString()}`,
        });
        return getPresented(tx, actor, id);
      });
    },
  };
}
export type WorkReportsService = ReturnType<typeof createWorkReportsService>;
