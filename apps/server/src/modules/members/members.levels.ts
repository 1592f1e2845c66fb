import {
  DEFAULT_MEMBER_LEVELS,
  type CreateMemberLevelBody,
  type MemberLevel,
  type MemberLevelList,
  type MemberSettings,
  type UpdateMemberLevelBody,
  type UpdateMemberSettingsBody,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { auditContextOf, recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import type { memberLevels } from '../../platform/db/schema/index.js';
import { AppError, invalidField, notFound, staleVersion } from '../../platform/errors/app-error.js';
import { membersRepository } from './members.repository.js';

/** Settings while an organization has saved none (issue 15: 1,000 points, 24 months). */
export const MEMBER_SETTINGS_DEFAULTS = { adjustApprovalThreshold: 1000, expiryMonths: 24 } as const;

type LevelRow = typeof memberLevels.$inferSelect;

const toLevel = (r: LevelRow): MemberLevel => ({
  id: r.id,
  nameZh: r.nameZh,
  nameEn: r.nameEn,
  threshold: r.threshold,
  discountBp: r.discountBp,
  birthdayGift: r.birthdayGift,
  version: r.version,
});

/** The default levels (domain §7) for a new organization, or one that has none yet. */
export async function seedMemberLevels(tx: Executor, orgId: string): Promise<void> {
  if ((await membersRepository.findLevels(tx, orgId)).length > 0) return;
  await membersRepository.insertLevels(
    tx,
    DEFAULT_MEMBER_LEVELS.map((level) => ({ ...level, orgId, id: newId() })),
  );
}

/** The highest level whose threshold the growth points reach (levels are seeded on first need). */
export async function levelForGrowth(tx: Executor, orgId: string, growthPoints: number): Promise<LevelRow> {
  let levels = await membersRepository.findLevels(tx, orgId);
  if (levels.length === 0) {
    await seedMemberLevels(tx, orgId);
    levels = await membersRepository.findLevels(tx, orgId);
  }
  return levels.filter((l) => l.threshold <= growthPoints).at(-1) ?? levels[0]!;
}

export async function memberSettingsOf(db: Executor, orgId: string): Promise<MemberSettings> {
  const row = await membersRepository.getSettings(db, orgId);
  return row
    ? { adjustApprovalThreshold: row.adjustApprovalThreshold, expiryMonths: row.expiryMonths, version: row.version }
    : { ...MEMBER_SETTINGS_DEFAULTS, version: 0 };
}

const isThresholdTaken = (error: unknown): boolean =>
  String((error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message).includes(
    'member_levels_threshold_key',
  );

/** Member levels and the program's settings. */
export function createMemberLevelsService({ db }: { db: Db }) {
  return {
    async levels(actor: Actor): Promise<MemberLevelList> {
      let rows = await membersRepository.findLevels(db, actor.orgId);
      if (rows.length === 0) {
        await db.transaction((tx) => seedMemberLevels(tx, actor.orgId));
        rows = await membersRepository.findLevels(db, actor.orgId);
      }
      return { items: rows.map(toLevel) };
    },

    async createLevel(actor: Actor, body: CreateMemberLevelBody): Promise<MemberLevel> {
      const values = {
        orgId: actor.orgId,
        id: newId(),
        nameZh: body.nameZh.trim(),
        nameEn: body.nameEn.trim(),
        threshold: body.threshold,
        discountBp: body.discountBp,
        birthdayGift: body.birthdayGift?.trim() || null,
      };
      if (!values.nameZh) throw invalidField('nameZh', 'validation.required');
      if (!values.nameEn) throw invalidField('nameEn', 'validation.required');
      await db.transaction(async (tx) => {
        if ((await membersRepository.findLevels(tx, actor.orgId)).some((l) => l.threshold === body.threshold))
          throw invalidField('threshold', 'validation.thresholdTaken');
        await membersRepository.insertLevels(tx, [values]);
        await recordAudit(tx, auditContextOf(actor), {
          action: 'create',
          entity: 'member_level',
          entityId: values.id,
          after: values,
        });
      });
      return toLevel({ ...values, version: 1, createdAt: new Date(), updatedAt: new Date() });
    },

    async updateLevel(actor: Actor, id: string, body: UpdateMemberLevelBody): Promise<MemberLevel> {
      const { version, ...fields } = body;
      const changes = {
        nameZh: fields.nameZh.trim(),
        nameEn: fields.nameEn.trim(),
        threshold: fields.threshold,
        discountBp: fields.discountBp,
        birthdayGift: fields.birthdayGift?.trim() || null,
      };
      if (!changes.nameZh) throw invalidField('nameZh', 'validation.required');
      if (!changes.nameEn) throw invalidField('nameEn', 'validation.required');
      try {
        return await db.transaction(async (tx) => {
          const levels = await membersRepository.findLevels(tx, actor.orgId);
          const before = levels.find((l) => l.id === id);
          if (!before) throw notFound('entity.memberLevel');
          if (levels.some((l) => l.id !== id && l.threshold === changes.threshold))
            throw invalidField('threshold', 'validation.thresholdTaken');
          // The entry level stays at 0 so that every member has a level.
          if (before.threshold === 0 && changes.threshold !== 0)
            throw invalidField('threshold', 'validation.entryLevelThreshold');
          const after = await membersRepository.updateLevel(tx, { orgId: actor.orgId, id, version }, changes);
          if (!after) throw staleVersion();
          await recordAudit(tx, auditContextOf(actor), {
            action: 'update',
            entity: 'member_level',
            entityId: id,
            before: toLevel(before),
            after: toLevel(after),
          });
          return toLevel(after);
        });
      } catch (error) {
        if (!(error instanceof AppError) && isThresholdTaken(error))
          throw invalidField('threshold', 'validation.thresholdTaken');
        throw error;
      }
    },

    settings: (actor: Actor): Promise<MemberSettings> => memberSettingsOf(db, actor.orgId),

    async updateSettings(actor: Actor, body: UpdateMemberSettingsBody): Promise<MemberSettings> {
      await db.transaction(async (tx) => {
        const before = await memberSettingsOf(tx, actor.orgId);
        if (!(await membersRepository.saveSettings(tx, actor.orgId, body))) throw staleVersion();
        await recordAudit(tx, auditContextOf(actor), {
          action: 'update',
          entity: 'member_settings',
          entityId: actor.orgId,
          before,
          after: { ...body, version: body.version + 1 },
        });
      });
      return memberSettingsOf(db, actor.orgId);
    },
  };
}
