import type {
  Competitor,
  CompetitorList,
  CompetitorListQuery,
  CreateCompetitorBody,
  OpportunityCompetitors,
  PutOpportunityCompetitorsBody,
  ThreatLevel,
  UpdateCompetitorBody,
} from '@guanxi/contract';
import { DEFAULT_CURRENCY } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { AppError, invalidField, notFound, staleVersion } from '../../platform/errors/app-error.js';
import { isUniqueViolation } from '../org/index.js';
import { competitorsRepository, type CompetitorRow } from './competitors.repository.js';
import { opportunitiesRepository } from './opportunities.repository.js';
import { lockOpportunity, requiredText } from './opportunities.values.js';

const toCompetitor = (row: CompetitorRow): Competitor => ({
  id: row.id,
  name: row.name,
  website: row.website,
  notes: row.notes,
  opportunityCount: row.opportunityCount,
  archived: row.deletedAt !== null,
  version: row.version,
  updatedAt: row.updatedAt.toISOString(),
});
const audited = ({ name, website, notes, deletedAt, version }: CompetitorRow) => ({
  name,
  website,
  notes,
  archived: deletedAt !== null,
  version,
});
const nameTaken = () =>
  new AppError('conflict', 'error.competitorNameTaken', { fields: [{ field: 'name', key: 'validation.invalid' }] });
const optionalText = (text: string | null | undefined) => (text == null ? text : text.trim() || null);

/** Competitors (竞争对手): the organization's list, and those recorded on an opportunity. */
export function createCompetitorsService({ db }: { db: Db }) {
  const readOne = async (executor: Executor, orgId: string, id: string): Promise<Competitor> => {
    const row = await competitorsRepository.getById(executor, orgId, id);
    if (!row) throw notFound('entity.competitor');
    return toCompetitor(row);
  };

  const getOnOpportunity = async (actor: Actor, id: string): Promise<OpportunityCompetitors> => {
    if (!(await opportunitiesRepository.getById(db, actor, id))) throw notFound('entity.opportunity');
    const rows = await competitorsRepository.findByOpportunity(db, actor.orgId, id);
    return { items: rows.map((r) => ({ ...r, threatLevel: r.threatLevel as ThreatLevel | null })) };
  };

  return {
    async list(actor: Actor, query: CompetitorListQuery): Promise<CompetitorList> {
      const rows = await competitorsRepository.findAll(db, actor.orgId, { archived: query.archived });
      return { items: rows.map(toCompetitor) };
    },

    async create(actor: Actor, body: CreateCompetitorBody): Promise<Competitor> {
      const id = newId();
      const values = {
        orgId: actor.orgId,
        id,
        name: requiredText('name', body.name),
        website: optionalText(body.website) ?? null,
        notes: optionalText(body.notes) ?? null,
      };
      try {
        await db.transaction(async (tx) => {
          await competitorsRepository.insert(tx, values);
          await recordAudit(tx, actor, { action: 'create', entity: 'competitor', entityId: id, after: values });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw nameTaken();
        throw error;
      }
      return readOne(db, actor.orgId, id);
    },

    async update(actor: Actor, id: string, body: UpdateCompetitorBody): Promise<Competitor> {
      const { version, archived, ...changes } = body;
      const values = {
        ...(changes.name === undefined ? {} : { name: requiredText('name', changes.name) }),
        ...(changes.website === undefined ? {} : { website: optionalText(changes.website) }),
        ...(changes.notes === undefined ? {} : { notes: optionalText(changes.notes) }),
        ...(archived === undefined ? {} : { deletedAt: archived ? new Date() : null }),
      };
      try {
        await db.transaction(async (tx) => {
          const before = await competitorsRepository.lockById(tx, actor.orgId, id);
          if (!before) throw notFound('entity.competitor');
          if (before.version !== version) throw staleVersion();
          if (archived !== undefined && archived === (before.deletedAt !== null)) delete values.deletedAt;
          if (!(await competitorsRepository.update(tx, { orgId: actor.orgId, id, version }, values)))
            throw staleVersion();
          const after = (await competitorsRepository.getById(tx, actor.orgId, id))!;
          await recordAudit(tx, actor, {
            action: archived === true && !before.deletedAt ? 'archive' : 'update',
            entity: 'competitor',
            entityId: id,
            before: audited(before),
            after: audited(after),
          });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw nameTaken();
        throw error;
      }
      return readOne(db, actor.orgId, id);
    },

    getOnOpportunity,

    /**
     * Replaces the competitors of an opportunity the actor may change. An item names a live
     * competitor by id, or by name: an unknown name joins the organization's list (free entry).
     */
    async putOnOpportunity(actor: Actor, id: string, body: PutOpportunityCompetitorsBody) {
      await db.transaction(async (tx) => {
        await lockOpportunity(tx, actor, id);
        const known = await competitorsRepository.findLiveIds(
          tx,
          actor.orgId,
          body.items.flatMap((item) => (item.competitorId ? [item.competitorId] : [])),
        );
        const seen = new Set<string>();
        const rows = [];
        for (const [i, item] of body.items.entries()) {
          let competitorId = item.competitorId;
          if (competitorId !== undefined) {
            if (!known.has(competitorId)) throw invalidField(`items.${i}.competitorId`, 'validation.invalid');
          } else {
            if (item.competitorName === undefined) throw invalidField(`items.${i}.competitorId`, 'validation.required');
            const name = requiredText(`items.${i}.competitorName`, item.competitorName);
            const found = await competitorsRepository.insertOrFindByName(tx, { orgId: actor.orgId, id: newId(), name });
            competitorId = found.id;
            if (found.created)
              await recordAudit(tx, actor, {
                action: 'create',
                entity: 'competitor',
                entityId: found.id,
                after: { name },
              });
          }
          if (seen.has(competitorId)) throw invalidField(`items.${i}.competitorId`, 'validation.invalid');
          seen.add(competitorId);
          rows.push({
            orgId: actor.orgId,
            id: newId(),
            opportunityId: id,
            competitorId,
            strengths: optionalText(item.strengths) ?? null,
            weaknesses: optionalText(item.weaknesses) ?? null,
            quotedPriceFen: item.quotedPriceFen ?? null,
            currency: item.currency ?? DEFAULT_CURRENCY,
            threatLevel: item.threatLevel ?? null,
          });
        }
        const before = await competitorsRepository.findByOpportunity(tx, actor.orgId, id);
        await competitorsRepository.replaceOnOpportunity(tx, { orgId: actor.orgId, opportunityId: id }, rows);
        await recordAudit(tx, actor, {
          action: 'competitors',
          entity: 'opportunity',
          entityId: id,
          before: before.map(({ competitorName: _, ...rest }) => rest),
          after: rows.map(({ orgId: _o, id: _i, opportunityId: _p, ...rest }) => rest),
        });
      });
      return getOnOpportunity(actor, id);
    },
  };
}
export type CompetitorsService = ReturnType<typeof createCompetitorsService>;
