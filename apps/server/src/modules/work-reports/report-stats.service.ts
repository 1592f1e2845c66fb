import type { ReportKind, ReportStats, ReportStatsQuery, ReportStatsRow } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors/app-error.js';
import { dueAtOf } from './report-due-times.js';
import { reportStatsRepository, type StatsReportRow } from './report-stats.repository.js';
import { getReportSettings } from './report-settings.js';
import { addDays, localDateOf, orgTimeZone, periodsBetween } from '../../platform/time/index.js';

/** The longest range one statistics request may cover. */
const MAX_RANGE_DAYS = 366;

/** A statistics range (reports or plans): `to` not before `from`, at most a year and a day long. */
export function assertStatsRange(from: string, to: string): void {
  if (to < from) throw invalidField('to', 'validation.invalid');
  if (addDays(from, MAX_RANGE_DAYS) < to) throw invalidField('to', 'validation.invalid');
}

type Counts = Omit<ReportStatsRow, 'user' | 'departmentName'>;

function summarize(reports: StatsReportRow[], missing: number): Counts {
  const scores = reports.map((r) => r.score).filter((s): s is number => s !== null);
  const reviewed = reports.filter((r) => r.status === 'reviewed').length;
  return {
    expected: reports.length + missing,
    submitted: reports.length,
    late: reports.filter((r) => r.isLate).length,
    missing,
    reviewed,
    unreviewed: reports.length - reviewed,
    averageScore:
      scores.length === 0 ? null : Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100,
  };
}

/**
 * Submitted / late / missing and reviewed / unreviewed per person over the periods that start in
 * [from, to]. A period counts as missing for a person who must write reports once its due time
 * has passed without a submitted report, from the day the person's account exists.
 */
export function createReportStatsService({ db, clock = () => new Date() }: { db: Db; clock?: () => Date }) {
  return {
    async stats(actor: Actor, query: ReportStatsQuery): Promise<ReportStats> {
      const { from, to } = query;
      const kind: ReportKind = query.kind;
      assertStatsRange(from, to);
      const now = clock();
      const settings = await getReportSettings(db, actor.orgId);
      const timeZone = await orgTimeZone(db, actor.orgId);
      const users = await reportStatsRepository.findUsers(db, actor, {
        roleCodes: settings.requiredRoleCodes,
        departmentIds: settings.requiredDepartmentIds,
        departmentId: query.departmentId,
      });
      const submitted = await reportStatsRepository.findSubmitted(db, {
        orgId: actor.orgId,
        kind,
        from,
        to,
        authorIds: users.map((u) => u.id),
      });
      const byAuthor = new Map<string, StatsReportRow[]>();
      for (const report of submitted) byAuthor.set(report.authorId, [...(byAuthor.get(report.authorId) ?? []), report]);
      const periods = periodsBetween(kind, from, to, settings).map((period) => ({
        ...period,
        isOverdue: dueAtOf(kind, period, settings, timeZone).getTime() <= now.getTime(),
      }));

      const rows: ReportStatsRow[] = [];
      for (const user of users) {
        const reports = byAuthor.get(user.id) ?? [];
        if (!user.isRequired && reports.length === 0) continue;
        const done = new Set(reports.map((r) => r.periodStart));
        const joined = localDateOf(user.createdAt, timeZone);
        const missing = user.isRequired
          ? periods.filter((p) => p.isOverdue && p.end >= joined && !done.has(p.start)).length
          : 0;
        rows.push({
          user: { id: user.id, name: user.name },
          departmentName: user.departmentName,
          ...summarize(reports, missing),
        });
      }
      const team = summarize(
        rows.flatMap((row) => byAuthor.get(row.user.id) ?? []),
        rows.reduce((sum, row) => sum + row.missing, 0),
      );
      return { kind, from, to, rows, team };
    },
  };
}
