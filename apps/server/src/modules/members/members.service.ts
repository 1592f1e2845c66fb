import type {
  AdjustPointsBody,
  AdjustPointsResult,
  CreateMemberBody,
  CustomerMember,
  LevelChangeList,
  Member,
  MemberListQuery,
  MemberPage,
  PointsEntryKind,
  PointsEntryPage,
  PointsLedgerQuery,
  RedeemPointsBody,
  UpdateMemberBody,
} from '@guanxi/contract';
import { hasPermission, type Actor } from '../../platform/auth/actor.js';
import { auditContextOf, recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { iso } from '../../platform/db/row-values.js';
import { AppError, invalidField, notFound, staleVersion } from '../../platform/errors/app-error.js';
import { decodeCursor, keysetPage } from '../../platform/pagination.js';
import { orgTimeZone, todayIn } from '../../platform/time/index.js';
import { findReadableCustomer } from '../customers/index.js';
import { submitAdjustmentForApproval } from './members.approvals.js';
import { levelForGrowth, memberSettingsOf } from './members.levels.js';
import { applyPoints, assertRedeemable, zeroAdjustment } from './members.points.js';
import { memberReferences, membersRepository, type MemberRow } from './members.repository.js';

export const toMember = (r: MemberRow): Member => ({
  ...r,
  growthPoints: Number(r.growthPoints),
  pointsBalance: Number(r.pointsBalance),
  lastPurchaseAt: iso(r.lastPurchaseAt),
});

/** A member the actor may see (its customer in the actor's read scope), or 404. */
async function readMember(db: Executor, actor: Actor, id: string): Promise<Member> {
  const row = await membersRepository.get(db, actor.orgId, actor, { id });
  if (!row) throw notFound('entity.member');
  return toMember(row);
}

/** The member row locked for a points change, after the scope check (out of scope → 404). */
async function lockMember(tx: Executor, actor: Actor, id: string) {
  if (!(await membersRepository.get(tx, actor.orgId, actor, { id }))) throw notFound('entity.member');
  const row = await membersRepository.lock(tx, actor.orgId, { id });
  if (!row) throw notFound('entity.member');
  return row;
}

async function checkReferences(
  tx: Executor,
  actor: Actor,
  body: { cardNo?: string | null; storeId?: string | null },
  id?: string,
) {
  if (body.storeId && !(await memberReferences.departmentExists(tx, actor.orgId, body.storeId)))
    throw invalidField('storeId', 'validation.unknownStore');
  if (body.cardNo && (await membersRepository.cardTaken(tx, actor.orgId, body.cardNo, id)))
    throw invalidField('cardNo', 'validation.cardTaken');
}

/** Members (会员): enrolment, the list, the points ledger with redeem and adjust. */
export function createMembersService({ db }: { db: Db }) {
  return {
    async list(actor: Actor, query: MemberListQuery): Promise<MemberPage> {
      const limit = query.limit ?? 50;
      const cursor = decodeCursor(query.cursor, 'text');
      const rows = await membersRepository.findPage(db, actor, { ...query, afterId: cursor?.id }, limit + 1);
      const page = keysetPage(rows, { limit, sortValueOf: () => null });
      return { items: page.rows.map(toMember), nextCursor: page.nextCursor };
    },

    get: (actor: Actor, id: string): Promise<Member> => readMember(db, actor, id),

    async ofCustomer(actor: Actor, customerId: string): Promise<CustomerMember> {
      if (!(await findReadableCustomer(db, actor, customerId))) throw notFound('entity.customer');
      const row = await membersRepository.get(db, actor.orgId, actor, { customerId });
      return { member: row ? toMember(row) : null };
    },

    /** Enrols a person customer: number from the sequence, the lowest level, a level-history row. */
    async create(actor: Actor, body: CreateMemberBody): Promise<Member> {
      const id = newId();
      await db.transaction(async (tx) => {
        const customer = await findReadableCustomer(tx, actor, body.customerId);
        if (!customer) throw notFound('entity.customer');
        if (customer.kind !== 'person') throw invalidField('customerId', 'validation.memberPersonOnly');
        await checkReferences(tx, actor, body);
        const level = await levelForGrowth(tx, actor.orgId, 0);
        const values = {
          orgId: actor.orgId,
          id,
          customerId: body.customerId,
          memberNo: await membersRepository.nextMemberNo(tx, actor.orgId),
          cardNo: body.cardNo ?? null,
          joinedOn: body.joinedOn ?? todayIn(await orgTimeZone(tx, actor.orgId)),
          storeId: body.storeId ?? null,
          levelId: level.id,
          createdBy: actor.userId,
        };
        if (!(await membersRepository.insert(tx, values))) throw new AppError('conflict', 'error.member.alreadyMember');
        await membersRepository.insertLevelChange(tx, {
          orgId: actor.orgId,
          id: newId(),
          memberId: id,
          fromLevelId: null,
          toLevelId: level.id,
          growthPoints: 0,
          changedBy: actor.userId,
        });
        await recordAudit(tx, auditContextOf(actor), {
          action: 'create',
          entity: 'member',
          entityId: id,
          after: values,
        });
      });
      return readMember(db, actor, id);
    },

    async update(actor: Actor, id: string, body: UpdateMemberBody): Promise<Member> {
      await db.transaction(async (tx) => {
        const before = await lockMember(tx, actor, id);
        await checkReferences(tx, actor, body, id);
        const changes = {
          ...(body.cardNo !== undefined ? { cardNo: body.cardNo } : {}),
          ...(body.storeId !== undefined ? { storeId: body.storeId } : {}),
        };
        if (!(await membersRepository.update(tx, { orgId: actor.orgId, id, version: body.version }, changes)))
          throw staleVersion();
        await recordAudit(tx, auditContextOf(actor), {
          action: 'update',
          entity: 'member',
          entityId: id,
          before: { cardNo: before.cardNo, storeId: before.storeId, version: before.version },
          after: { ...changes, version: before.version + 1 },
        });
      });
      return readMember(db, actor, id);
    },

    async ledger(actor: Actor, id: string, query: PointsLedgerQuery): Promise<PointsEntryPage> {
      await readMember(db, actor, id);
      const limit = query.limit ?? 50;
      const cursor = decodeCursor(query.cursor, 'text');
      const rows = await membersRepository.findLedger(db, {
        orgId: actor.orgId,
        memberId: id,
        afterId: cursor?.id,
        limit: limit + 1,
      });
      const page = keysetPage(rows, { limit, sortValueOf: () => null });
      return {
        items: page.rows.map((r) => ({
          ...r,
          kind: r.kind as PointsEntryKind,
          points: Number(r.points),
          growth: Number(r.growth),
          balanceAfter: Number(r.balanceAfter),
          createdAt: iso(r.createdAt),
        })),
        nextCursor: page.nextCursor,
      };
    },

    async redeem(actor: Actor, id: string, body: RedeemPointsBody): Promise<Member> {
      await db.transaction(async (tx) => {
        const member = await lockMember(tx, actor, id);
        assertRedeemable(member, body.points);
        await applyPoints(tx, auditContextOf(actor), member, {
          kind: 'redeem',
          points: -body.points,
          reason: body.reason?.trim() || null,
        });
      });
      return readMember(db, actor, id);
    },

    /**
     * Adjusts the balance with a reason. Beyond the organization's threshold (points either way) it
     * becomes a request for approval unless the actor holds `members.approve`.
     */
    async adjust(actor: Actor, id: string, body: AdjustPointsBody): Promise<AdjustPointsResult> {
      if (body.points === 0) throw zeroAdjustment();
      const reason = body.reason.trim();
      if (!reason) throw invalidField('reason', 'validation.required');
      const status = await db.transaction(async (tx) => {
        const member = await lockMember(tx, actor, id);
        if (body.points < 0) assertRedeemable(member, -body.points);
        const { adjustApprovalThreshold } = await memberSettingsOf(tx, actor.orgId);
        if (Math.abs(body.points) > adjustApprovalThreshold && !hasPermission(actor, 'members.approve')) {
          const result = await submitAdjustmentForApproval(tx, actor, { member, points: body.points, reason });
          if (result === 'pending') return 'pending' as const;
        }
        await applyPoints(tx, auditContextOf(actor), member, { kind: 'adjust', points: body.points, reason });
        return 'applied' as const;
      });
      return { status, member: await readMember(db, actor, id) };
    },

    async levelHistory(actor: Actor, id: string): Promise<LevelChangeList> {
      await readMember(db, actor, id);
      const rows = await membersRepository.findLevelHistory(db, actor.orgId, id);
      return {
        items: rows.map((r) => ({ ...r, growthPoints: Number(r.growthPoints), createdAt: iso(r.createdAt) })),
      };
    },
  };
}
export type MembersService = ReturnType<typeof createMembersService>;
