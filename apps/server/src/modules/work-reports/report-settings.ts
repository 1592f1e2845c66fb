import type { WorkReportSettings } from '@guanxi/contract';
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { workReportSettings } from '../../platform/db/schema/index.js';
import { invalidField } from '../../platform/errors/app-error.js';
import { queryRows } from '../../platform/db/query.js';

/**
 * Domain §6 defaults: daily reports by 10:00 the next workday (Monday–Friday), weekly by Monday
 * 10:00, monthly by the 3rd of the next month 10:00; salespeople and sales managers must submit.
 */
export const DEFAULT_REPORT_SETTINGS: WorkReportSettings = {
  dailyDueTime: '10:00',
  weeklyDueTime: '10:00',
  monthlyDueDay: 3,
  monthlyDueTime: '10:00',
  workdays: [1, 2, 3, 4, 5],
  requiredRoleCodes: ['salesperson', 'sales_manager'],
  requiredDepartmentIds: [],
};

export async function getReportSettings(db: Executor, orgId: string): Promise<WorkReportSettings> {
  const rows = await db.select().from(workReportSettings).where(eq(workReportSettings.orgId, orgId));
  const row = rows[0];
  if (!row) return DEFAULT_REPORT_SETTINGS;
  return {
    dailyDueTime: row.dailyDueTime,
    weeklyDueTime: row.weeklyDueTime,
    monthlyDueDay: row.monthlyDueDay,
    monthlyDueTime: row.monthlyDueTime,
    workdays: row.workdays,
    requiredRoleCodes: row.requiredRoleCodes,
    requiredDepartmentIds: row.requiredDepartmentIds,
  };
}

/** Admin screen for the due rules and who must submit (permission reports.manage). */
export function createReportSettingsService({ db }: { db: Db }) {
  return {
    get: (actor: Actor) => getReportSettings(db, actor.orgId),

    async update(actor: Actor, values: WorkReportSettings): Promise<WorkReportSettings> {
      const settings = { ...values, workdays: [...values.workdays].sort((a, b) => a - b) };
      return db.transaction(async (tx) => {
        if (settings.requiredDepartmentIds.length > 0) {
          const ids = sql.join(
            settings.requiredDepartmentIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          );
          const found = await queryRows<{ n: number }>(
            tx,
            sql`select count(*)::int as n from departments where org_id = ${actor.orgId} and id in (${ids})`,
          );
          if (Number(found[0]?.n) !== settings.requiredDepartmentIds.length) {
            throw invalidField('requiredDepartmentIds', 'validation.invalid');
          }
        }
        const before = await getReportSettings(tx, actor.orgId);
        await tx
          .insert(workReportSettings)
          .values({ orgId: actor.orgId, ...settings })
          .onConflictDoUpdate({ target: workReportSettings.orgId, set: { ...settings, updatedAt: sql`now()` } });
        await recordAudit(tx, actor, {
          action: 'update',
          entity: 'work_report_settings',
          entityId: actor.orgId,
          before,
          after: settings,
        });
        return getReportSettings(tx, actor.orgId);
      });
    },
  };
}
