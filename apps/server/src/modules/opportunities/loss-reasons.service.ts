import type { CreateLossReasonBody, LossReason, LossReasonList, UpdateLossReasonBody } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { AppError, notFound, staleVersion } from '../../platform/errors/app-error.js';
import { isUniqueViolation } from '../org/index.js';
import { ensureDefaultLossReasons } from './loss-reasons.defaults.js';
import { lossReasonsRepository, type LossReasonRow } from './loss-reasons.repository.js';
import { requiredText } from './opportunities.values.js';

const toLossReason = (row: LossReasonRow): LossReason => ({
  id: row.id,
  name: row.name,
  nameEn: row.nameEn,
  requiresCompetitor: row.requiresCompetitor,
  sortOrder: row.sortOrder,
  archived: row.deletedAt !== null,
  version: row.version,
});
const audited = ({ name, nameEn, requiresCompetitor, sortOrder, deletedAt, version }: LossReasonRow) => ({
  name,
  nameEn,
  requiresCompetitor,
  sortOrder,
  archived: deletedAt !== null,
  version,
});
const nameTaken = () =>
  new AppError('conflict', 'error.lossReasonNameTaken', { fields: [{ field: 'name', key: 'validation.invalid' }] });
const optionalName = (name: string | null | undefined) => (name == null ? name : name.trim() || null);

/** Loss reasons (输单原因): the organization's list, seeded with defaults on first use. */
export function createLossReasonsService({ db }: { db: Db }) {
  const readOne = async (orgId: string, id: string): Promise<LossReason> => {
    const row = await lossReasonsRepository.lockById(db, orgId, id);
    if (!row) throw notFound('entity.lossReason');
    return toLossReason(row);
  };
  const unique = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken();
      throw error;
    }
  };

  return {
    /** Live and archived reasons: the settings screen shows both, pickers filter out archived ones. */
    async list(actor: Actor): Promise<LossReasonList> {
      await db.transaction((tx) => ensureDefaultLossReasons(tx, actor.orgId));
      return { items: (await lossReasonsRepository.findAll(db, actor.orgId)).map(toLossReason) };
    },

    async create(actor: Actor, body: CreateLossReasonBody): Promise<LossReason> {
      const id = newId();
      await unique(() =>
        db.transaction(async (tx) => {
          await ensureDefaultLossReasons(tx, actor.orgId);
          const values = {
            orgId: actor.orgId,
            id,
            name: requiredText('name', body.name),
            nameEn: optionalName(body.nameEn) ?? null,
            requiresCompetitor: body.requiresCompetitor ?? false,
            sortOrder: body.sortOrder ?? (await lossReasonsRepository.nextSortOrder(tx, actor.orgId)),
          };
          await lossReasonsRepository.insert(tx, values);
          await recordAudit(tx, actor, { action: 'create', entity: 'loss_reason', entityId: id, after: values });
        }),
      );
      return readOne(actor.orgId, id);
    },

    async update(actor: Actor, id: string, body: UpdateLossReasonBody): Promise<LossReason> {
      const { version, archived, ...changes } = body;
      await unique(() =>
        db.transaction(async (tx) => {
          const before = await lossReasonsRepository.lockById(tx, actor.orgId, id);
          if (!before) throw notFound('entity.lossReason');
          if (before.version !== version) throw staleVersion();
          const values = {
            ...changes,
            ...(changes.name === undefined ? {} : { name: requiredText('name', changes.name) }),
            ...(changes.nameEn === undefined ? {} : { nameEn: optionalName(changes.nameEn) }),
            ...(archived === undefined || archived === (before.deletedAt !== null)
              ? {}
              : { deletedAt: archived ? new Date() : null }),
          };
          if (!(await lossReasonsRepository.update(tx, { orgId: actor.orgId, id, version }, values)))
            throw staleVersion();
          const after = (await lossReasonsRepository.lockById(tx, actor.orgId, id))!;
          await recordAudit(tx, actor, {
            action: archived === true && !before.deletedAt ? 'archive' : 'update',
            entity: 'loss_reason',
            entityId: id,
            before: audited(before),
            after: audited(after),
          });
        }),
      );
      return readOne(actor.orgId, id);
    },
  };
}
