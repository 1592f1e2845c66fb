import type { CreditMode, FinanceSettings, PutFinanceSettingsBody } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { AppError, staleVersion } from '../../platform/errors/app-error.js';
import { creditRepository } from './credit.repository.js';
import { ordersRepository } from './orders.repository.js';
import { localDateOf, orgTimeZone } from '../../platform/time/index.js';

/** What an organization without a finance_settings row uses (schema defaults). */
export const FINANCE_DEFAULTS = {
  creditMode: 'block' as CreditMode,
  defaultTermDays: 30,
  pyramidPlatinumPct: 5,
  pyramidGoldPct: 20,
  abcAPct: 80,
  abcBPct: 95,
};

/** The organization's time zone and today's date in it (order dates, overdue). */
export async function orgToday(
  db: Executor,
  orgId: string,
  now = new Date(),
): Promise<{ today: string; timeZone: string }> {
  const timeZone = await orgTimeZone(db, orgId);
  return { today: localDateOf(now, timeZone), timeZone };
}

/**
 * Finance settings with their defaults; the customer-value module reads the pyramid and ABC bounds
 * through this too.
 */
export const financeSettings = {
  async get(db: Executor, orgId: string): Promise<FinanceSettings> {
    const row = await creditRepository.getSettings(db, orgId);
    const orderNoPrefix = await ordersRepository.getOrderNoPrefix(db, orgId);
    if (!row) return { ...FINANCE_DEFAULTS, orderNoPrefix, version: 0 };
    return {
      creditMode: row.creditMode as CreditMode,
      defaultTermDays: row.defaultTermDays,
      orderNoPrefix,
      pyramidPlatinumPct: row.pyramidPlatinumPct,
      pyramidGoldPct: row.pyramidGoldPct,
      abcAPct: row.abcAPct,
      abcBPct: row.abcBPct,
      version: row.version,
    };
  },
};

export function createFinanceSettingsService({ db }: { db: Db }) {
  return {
    get: (actor: Actor) => financeSettings.get(db, actor.orgId),

    async put(actor: Actor, body: PutFinanceSettingsBody): Promise<FinanceSettings> {
      const { version, orderNoPrefix, ...values } = body;
      // Cross-field bounds the schema cannot say: the gold share includes platinum, B includes A.
      if (values.pyramidGoldPct <= values.pyramidPlatinumPct) {
        throw new AppError('validation', 'error.validation', {
          fields: [
            { field: 'pyramidGoldPct', key: 'validation.mustExceed', params: { other: values.pyramidPlatinumPct } },
          ],
        });
      }
      if (values.abcBPct <= values.abcAPct) {
        throw new AppError('validation', 'error.validation', {
          fields: [{ field: 'abcBPct', key: 'validation.mustExceed', params: { other: values.abcAPct } }],
        });
      }
      await db.transaction(async (tx) => {
        const before = await financeSettings.get(tx, actor.orgId);
        if (
          !(await creditRepository.saveSettings(
            tx,
            { orgId: actor.orgId, version },
            { ...values, updatedBy: actor.userId },
          ))
        )
          throw staleVersion();
        if (orderNoPrefix !== before.orderNoPrefix)
          await ordersRepository.setOrderNoPrefix(tx, actor.orgId, orderNoPrefix);
        const after = await financeSettings.get(tx, actor.orgId);
        await recordAudit(tx, actor, {
          action: 'update',
          entity: 'finance_settings',
          entityId: actor.orgId,
          before,
          after,
        });
      });
      return financeSettings.get(db, actor.orgId);
    },
  };
}
