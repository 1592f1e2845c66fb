import { DEFAULT_CURRENCY, type LossReport, type LossReportQuery } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors/app-error.js';
import { lossReportRepository } from './loss-report.repository.js';
import { closedRange } from './opportunities.service.js';

/** Losses of a period by reason and by competitor, and the win rate against each competitor. */
export function createLossReportService({ db }: { db: Db }) {
  return {
    async get(actor: Actor, query: LossReportQuery): Promise<LossReport> {
      if (query.from > query.to) throw invalidField('to', 'validation.invalid');
      const currency = query.currency ?? DEFAULT_CURRENCY;
      const range = await closedRange(db, actor.orgId, { from: query.from, to: query.to });
      const period = { from: range.closedFrom!, before: range.closedBefore!, currency };
      const byReason = await lossReportRepository.sumByReason(db, actor, period);
      const byCompetitor = await lossReportRepository.sumByCompetitor(db, actor, period);
      const winRates = await lossReportRepository.winRates(db, actor, period);
      const total = byReason.reduce(
        (sum, row) => ({ count: sum.count + row.count, amountFen: sum.amountFen + row.amountFen }),
        {
          count: 0,
          amountFen: 0,
        },
      );
      return {
        currency,
        total,
        byReason,
        byCompetitor: byCompetitor.map((row) => ({ ...row, nameEn: null })),
        winRates,
      };
    },
  };
}
