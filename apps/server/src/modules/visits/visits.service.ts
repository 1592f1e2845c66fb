import type {
  CreateVisitBody,
  Visit,
  VisitList,
  VisitListQuery,
  VisitWeekly,
  VisitWeeklyQuery,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { forbidden, invalidField, notFound } from '../../platform/errors/app-error.js';
import { translate } from '../../platform/i18n/translate.js';
import { findReadableCustomer } from '../customers/index.js';
import { VISIT_FOLLOW_UP_TYPE, insertFollowUp } from '../follow-ups/index.js';
import { createTeamActivityService } from '../team-activity/index.js';
import { visitsRepository, type VisitRow } from './visits.repository.js';
import { orgTimeZone, todayIn } from '../../platform/time/index.js';

const toVisit = (r: VisitRow): Visit => ({
  ...r,
  checkedInAt: r.checkedInAt.toISOString(),
  latitude: r.latitude === null ? null : Number(r.latitude),
  longitude: r.longitude === null ? null : Number(r.longitude),
});

/** A position needs both coordinates; without one the typed address is required. */
function checkPosition(body: CreateVisitBody): void {
  if ((body.latitude === undefined) !== (body.longitude === undefined)) {
    throw invalidField(body.latitude === undefined ? 'latitude' : 'longitude', 'validation.required');
  }
  if (body.latitude === undefined && !body.address?.trim())
    throw invalidField('address', 'validation.addressOrPosition');
}

/** Field check-ins (拜访签到). */
export function createVisitsService({ db }: { db: Db }) {
  const team = createTeamActivityService({ db });
  return {
    /** Time is the server's; optionally logs a `visit` follow-up in the same transaction. */
    async checkIn(actor: Actor, body: CreateVisitBody): Promise<Visit> {
      checkPosition(body);
      if (body.logFollowUp && !actor.permissions.has('followups.create')) throw forbidden();
      const now = new Date();
      const id = newId();
      const address = body.address?.trim() || null;
      const note = body.note?.trim() || null;
      await db.transaction(async (tx) => {
        // A visit follows its customer's scope: the customer must be visible to the caller.
        if (!(await findReadableCustomer(tx, actor, body.customerId))) throw notFound('entity.customer');
        let followUpId: string | null = null;
        if (body.logFollowUp) {
          const content = [note ?? translate(actor.locale, 'label.visitCheckIn'), address].filter(Boolean).join(' — ');
          followUpId = await insertFollowUp(
            tx,
            actor,
            {
              customerId: body.customerId,
              type: VISIT_FOLLOW_UP_TYPE,
              content,
              nextContactAt: body.nextContactAt ?? null,
            },
            { now, skipTypeCheck: true },
          );
        }
        const values = {
          orgId: actor.orgId,
          id,
          customerId: body.customerId,
          userId: actor.userId,
          checkedInAt: now,
          latitude: body.latitude === undefined ? null : body.latitude.toFixed(6),
          longitude: body.longitude === undefined ? null : body.longitude.toFixed(6),
          accuracyM: body.accuracy === undefined ? null : Math.round(body.accuracy),
          address,
          note,
          followUpId,
        };
        await visitsRepository.insert(tx, values);
        await recordAudit(tx, actor, { action: 'create', entity: 'visit', entityId: id, after: values });
      });
      const [row] = await visitsRepository.find(db, actor, { id });
      return toVisit(row!);
    },

    /** One day's visits (default today) of the team in scope, or of one person or customer. */
    async list(actor: Actor, query: VisitListQuery): Promise<VisitList> {
      const timeZone = await orgTimeZone(db, actor.orgId);
      const day = query.customerId && !query.date ? undefined : { date: query.date ?? todayIn(timeZone), timeZone };
      const rows = await visitsRepository.find(db, actor, { userId: query.userId, customerId: query.customerId, day });
      return { items: rows.map(toVisit) };
    },

    /** Visits (and follow-ups) per salesperson per week from `from` (default: the last 8 weeks). */
    async weekly(actor: Actor, query: VisitWeeklyQuery): Promise<VisitWeekly> {
      const weeks = query.weeks ?? 8;
      let from = query.from;
      let to: string | undefined;
      if (from) {
        const end = new Date(`${from}T00:00:00Z`);
        end.setUTCDate(end.getUTCDate() + weeks * 7 - 1);
        to = end.toISOString().slice(0, 10);
      } else {
        const today = todayIn(await orgTimeZone(db, actor.orgId));
        const start = new Date(`${today}T00:00:00Z`);
        start.setUTCDate(start.getUTCDate() - (weeks - 1) * 7);
        from = start.toISOString().slice(0, 10);
        to = today;
      }
      const { periods, rows } = await team.activity(actor, { period: 'week', from, to });
      return { periods, rows };
    },
  };
}
