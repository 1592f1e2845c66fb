import type { FollowUpType, FollowUpTypeList } from '@guanxi/contract';
import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { followUpTypes } from '../../platform/db/schema/index.js';
import { invalidField } from '../../platform/errors/app-error.js';

/** domain §1 defaults; an organization runs on these until an admin saves its own list. */
export const DEFAULT_FOLLOW_UP_TYPES: readonly FollowUpType[] = [
  { code: 'call', nameZh: '电话', nameEn: 'Call', sortOrder: 10, active: true },
  { code: 'visit', nameZh: '拜访', nameEn: 'Visit', sortOrder: 20, active: true },
  { code: 'email', nameZh: '邮件', nameEn: 'Email', sortOrder: 30, active: true },
  { code: 'sms', nameZh: '短信', nameEn: 'SMS', sortOrder: 40, active: true },
  { code: 'wechat', nameZh: '微信', nameEn: 'WeChat', sortOrder: 50, active: true },
  { code: 'meeting', nameZh: '会议', nameEn: 'Meeting', sortOrder: 60, active: true },
  { code: 'other', nameZh: '其他', nameEn: 'Other', sortOrder: 70, active: true },
];

/** The type a check-in's follow-up gets; it stays accepted even if an admin deactivates it. */
export const VISIT_FOLLOW_UP_TYPE = 'visit';

const columns = {
  code: followUpTypes.code,
  nameZh: followUpTypes.nameZh,
  nameEn: followUpTypes.nameEn,
  sortOrder: followUpTypes.sortOrder,
  active: followUpTypes.active,
};

/** The organization's follow-up types in display order, or the defaults. */
export async function getFollowUpTypes(db: Executor, orgId: string): Promise<FollowUpType[]> {
  const rows = await db
    .select(columns)
    .from(followUpTypes)
    .where(eq(followUpTypes.orgId, orgId))
    .orderBy(asc(followUpTypes.sortOrder), asc(followUpTypes.code));
  return rows.length === 0 ? [...DEFAULT_FOLLOW_UP_TYPES] : rows;
}

/** A new follow-up must name an active type (400 on `type` otherwise). */
export async function assertActiveFollowUpType(db: Executor, orgId: string, code: string): Promise<void> {
  const types = await getFollowUpTypes(db, orgId);
  if (!types.some((t) => t.code === code && t.active)) throw invalidField('type', 'validation.oneOf');
}

/** Settings screen (permission followups.manage for writes). */
export function createFollowUpTypesService({ db }: { db: Db }) {
  return {
    async list(actor: Actor): Promise<FollowUpTypeList> {
      return { items: await getFollowUpTypes(db, actor.orgId) };
    },

    /**
     * Replaces the list. Codes are unique, and a type in use is deactivated rather than removed,
     * so the list must keep every code it had (old follow-ups still show their type's name).
     */
    async replace(actor: Actor, items: FollowUpType[]): Promise<FollowUpTypeList> {
      const codes = new Set(items.map((t) => t.code));
      if (codes.size !== items.length || !items.some((t) => t.active))
        throw invalidField('items', 'validation.invalid');
      return db.transaction(async (tx) => {
        const before = await getFollowUpTypes(tx, actor.orgId);
        if (before.some((t) => !codes.has(t.code))) throw invalidField('items', 'validation.invalid');
        await tx.delete(followUpTypes).where(eq(followUpTypes.orgId, actor.orgId));
        await tx.insert(followUpTypes).values(items.map((t) => ({ ...t, orgId: actor.orgId })));
        await recordAudit(tx, actor, {
          action: 'update',
          entity: 'follow_up_types',
          entityId: actor.orgId,
          before,
          after: items,
        });
        return { items: await getFollowUpTypes(tx, actor.orgId) };
      });
    },
  };
}
