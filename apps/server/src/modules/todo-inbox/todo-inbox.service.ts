import {
  APPROVAL_TODO_KINDS,
  REPORT_KINDS,
  type Inbox,
  type InboxItem,
  type InboxQuery,
  type InboxSection,
  type InboxSectionKey,
  type ReportKind,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { approvalTitle } from '../approvals/index.js';
import { findReclaimReminders } from '../pools/index.js';
import { findTasksDueForAssignee } from '../tasks/index.js';
import { countPlansToReview, findPlansToReview } from '../work-plans/index.js';
import {
  countReportsToReview,
  dueAtOf,
  findReportsToReview,
  getReportSettings,
  userNamesOf,
} from '../work-reports/index.js';
import { todoInboxRepository as inbox, type Found } from './todo-inbox.repository.js';
import { addCustomerPhones } from './todo-inbox.phones.js';
import { roleSections } from './todo-inbox.role-sections.js';
import {
  addDays,
  DAY_MS,
  localDateOf,
  orgTimeZone,
  periodOf,
  periodsBetween,
  startOfDate,
} from '../../platform/time/index.js';
import { iso } from '../../platform/db/row-values.js';

/** Stored to-dos of stuck customers have a section of their own. */
const STUCK_TODO_KIND = 'customer_stuck';
/** "Assigned to me recently": ownership changes of the last 7 days. */
const RECENT_DAYS = 7;
/** How far back missing reports are listed, per kind (days). */
const REPORT_LOOKBACK_DAYS: Record<ReportKind, number> = { daily: 7, weekly: 28, monthly: 62 };

const section = (key: InboxSectionKey, count: number, items: InboxItem[]): InboxSection => ({ key, count, items });

/** A customer or lead by name, at the time that put it in the section. */
const namedItem = (entity: 'customer' | 'lead', row: { id: string; name: string; at: Date }): InboxItem => ({
  entity,
  entityId: row.id,
  title: row.name,
  at: iso(row.at),
  params: {},
});

function customersSection(key: InboxSectionKey, found: Found<{ id: string; name: string; at: Date }>): InboxSection {
  return section(
    key,
    found.count,
    found.rows.map((row) => namedItem('customer', row)),
  );
}

/** Submitted reports or plans of the reviewer's people that wait for a review. */
interface ReviewQueueSource {
  findToReview(
    db: Db,
    actor: Actor,
    limit: number,
  ): Promise<
    {
      id: string;
      authorId: string;
      submittedAt: Date | string | null;
      kind: string;
      periodStart: string;
      isLate?: boolean;
    }[]
  >;
  countToReview(db: Db, actor: Actor): Promise<number>;
}

/**
 * The to-do inbox (issue 4 §3): live queries over customers, tasks, approvals, reports and plans,
 * plus the stored stuck-customer to-dos, each section with its count and first items.
 */
export function createTodoInboxService({ db, clock = () => new Date() }: { db: Db; clock?: () => Date }) {
  /** One review queue section: the first submissions waiting, titled with their authors' names. */
  async function reviewQueue(
    actor: Actor,
    key: 'reportsToReview' | 'plansToReview',
    source: ReviewQueueSource,
    entity: 'work_report' | 'work_plan',
    limit: number,
  ): Promise<InboxSection> {
    const rows = await source.findToReview(db, actor, limit);
    const names = await userNamesOf(db, { orgId: actor.orgId, ids: rows.map((r) => r.authorId) });
    return section(
      key,
      await source.countToReview(db, actor),
      rows.map((r) => ({
        entity,
        entityId: r.id,
        title: names.get(r.authorId) ?? '',
        at: iso(r.submittedAt),
        params: { kind: r.kind, periodStart: r.periodStart, ...(r.isLate === undefined ? {} : { isLate: r.isLate }) },
      })),
    );
  }

  async function reportsToWrite(actor: Actor, now: Date, today: string, timeZone: string): Promise<InboxSection> {
    const me = { orgId: actor.orgId, userId: actor.userId };
    const settings = await getReportSettings(db, actor.orgId);
    const duty = await inbox.getReportDuty(db, me, {
      roleCodes: settings.requiredRoleCodes,
      departmentIds: settings.requiredDepartmentIds,
    });
    if (!duty.isRequired) return section('reportsToWrite', 0, []);
    const joined = localDateOf(duty.createdAt, timeZone);
    const items: InboxItem[] = [];
    for (const kind of REPORT_KINDS) {
      const from = addDays(today, -REPORT_LOOKBACK_DAYS[kind]);
      const own = new Map((await inbox.findOwnReports(db, me, { kind, from })).map((r) => [r.periodStart, r]));
      const current = periodOf(kind, today);
      for (const period of periodsBetween(kind, from, today, settings)) {
        if (period.end < joined) continue;
        const report = own.get(period.start);
        if (report && report.status !== 'draft') continue;
        // A daily report is due from its own day on; a week's or month's from its last day.
        if (kind !== 'daily' && period.start === current.start && today < current.end) continue;
        const dueAt = dueAtOf(kind, period, settings, timeZone);
        items.push({
          entity: report ? 'work_report' : 'report_period',
          entityId: report ? report.id : `${kind}:${period.start}`,
          title: `${kind}:${period.start}`,
          at: dueAt.toISOString(),
          params: {
            kind,
            periodStart: period.start,
            periodEnd: period.end,
            overdue: dueAt.getTime() <= now.getTime(),
            reportId: report?.id ?? null,
          },
        });
      }
    }
    items.sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''));
    return section('reportsToWrite', items.length, items);
  }

  return {
    async get(actor: Actor, query: InboxQuery): Promise<Inbox> {
      const now = clock();
      const limit = query.limit ?? 5;
      const me = { orgId: actor.orgId, userId: actor.userId };
      const timeZone = await orgTimeZone(db, actor.orgId);
      const today = localDateOf(now, timeZone);
      const tomorrow = startOfDate(addDays(today, 1), timeZone);
      const sections: InboxSection[] = [];

      sections.push(
        customersSection('contactOverdue', await inbox.findContacts(db, me, { from: null, to: now }, limit)),
      );
      sections.push(
        customersSection('contactToday', await inbox.findContacts(db, me, { from: now, to: tomorrow }, limit)),
      );

      if (actor.permissions.has('tasks.view')) {
        const tasks = await findTasksDueForAssignee(db, actor, { before: tomorrow, limit });
        sections.push(
          section(
            'tasksDue',
            tasks.count,
            tasks.rows.map((t) => ({
              entity: 'task',
              entityId: t.id,
              title: t.title,
              at: iso(t.dueAt),
              params: {
                overdue: t.dueAt !== null && t.dueAt.getTime() < now.getTime(),
                // A task on a customer offers the call and the follow-up right on the item.
                ...(t.relatedType === 'customer' && t.relatedId ? { customerId: t.relatedId } : {}),
              },
            })),
          ),
        );
      }

      const assigned = await inbox.findRecentlyAssigned(db, me, new Date(now.getTime() - RECENT_DAYS * DAY_MS), limit);
      sections.push(
        section(
          'assignedToMe',
          assigned.customers.count + assigned.leads.count,
          [
            ...assigned.customers.rows.map((row) => namedItem('customer', row)),
            ...assigned.leads.rows.map((row) => namedItem('lead', row)),
          ].slice(0, limit),
        ),
      );

      const approvals = await inbox.findApprovals(db, me, limit);
      sections.push(
        section(
          'approvals',
          approvals.count,
          approvals.rows.map((r) => ({
            entity: 'approval_request',
            entityId: r.id,
            title: approvalTitle({
              locale: actor.locale,
              businessType: r.businessType,
              storedTitle: r.title,
              summary: r.summary,
              submitterName: r.submitterName ?? '',
            }),
            at: iso(r.at),
            // The summary carries display facts such as a stage change's from/to.
            params: {
              ...r.summary,
              businessType: r.businessType,
              entityType: r.entityType,
              entityId: r.entityId,
              customerId: r.customerId,
            },
          })),
        ),
      );

      const reclaim = (await findReclaimReminders(db, { orgId: actor.orgId, now, ownerId: actor.userId })).sort(
        (a, b) => a.daysLeft - b.daysLeft,
      );
      sections.push(
        section(
          'reclaimSoon',
          reclaim.length,
          reclaim.slice(0, limit).map((r) => ({
            entity: 'customer',
            entityId: r.customerId,
            title: r.customerName,
            at: null,
            params: { days: r.daysLeft },
          })),
        ),
      );

      const stuck = await inbox.findStuck(db, me, limit);
      sections.push(
        section(
          'stuck',
          stuck.count,
          stuck.rows.map((t) => ({
            entity: 'customer',
            entityId: t.entityId,
            title: typeof t.params.customerName === 'string' ? t.params.customerName : '',
            at: iso(t.at),
            params: { ...t.params, todoId: t.id },
          })),
        ),
      );

      const others = await inbox.findOtherTodos(db, me, {
        excludedKinds: [STUCK_TODO_KIND, ...APPROVAL_TODO_KINDS],
        limit,
      });
      sections.push(
        section(
          'otherTodos',
          others.count,
          others.rows.map((t) => ({
            entity: t.entity,
            entityId: t.entityId,
            title: typeof t.params.customerName === 'string' ? t.params.customerName : '',
            at: iso(t.at),
            params: { ...t.params, todoId: t.id, todoKind: t.kind },
          })),
        ),
      );

      sections.push(...(await roleSections(db, actor, { today, limit })));

      if (actor.permissions.has('reports.create')) sections.push(await reportsToWrite(actor, now, today, timeZone));

      if (actor.permissions.has('reports.review')) {
        sections.push(
          await reviewQueue(
            actor,
            'reportsToReview',
            { findToReview: findReportsToReview, countToReview: countReportsToReview },
            'work_report',
            limit,
          ),
        );
      }
      if (actor.permissions.has('plans.review')) {
        sections.push(
          await reviewQueue(
            actor,
            'plansToReview',
            { findToReview: findPlansToReview, countToReview: countPlansToReview },
            'work_plan',
            limit,
          ),
        );
      }
      await addCustomerPhones(db, actor, sections);
      return { generatedAt: now.toISOString(), sections };
    },
  };
}
