import type {
  CreateSalesProcessBody,
  SalesProcess,
  SalesProcessList,
  SalesProcessStageInput,
  UpdateSalesProcessBody,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { AppError, invalidField, notFound, staleVersion } from '../../platform/errors/app-error.js';
import { isUniqueViolation } from '../org/index.js';
import { requiredText } from './opportunities.values.js';
import { ensureDefaultSalesProcess } from './sales-processes.defaults.js';
import { salesProcessesRepository, type ProcessRow, type StageRow } from './sales-processes.repository.js';

const toProcess = (row: ProcessRow, stages: StageRow[]): SalesProcess => ({
  id: row.id,
  name: row.name,
  departmentId: row.departmentId,
  departmentName: row.departmentName,
  stages: stages.map(({ processId: _, ...stage }) => stage),
  inUse: row.opportunityCount > 0,
  opportunityCount: row.opportunityCount,
  version: row.version,
  updatedAt: row.updatedAt.toISOString(),
});

const departmentTaken = () =>
  new AppError('conflict', 'error.salesProcessDepartmentTaken', {
    fields: [{ field: 'departmentId', key: 'validation.invalid' }],
  });

/** Same stages in the same order with the same probabilities: only names may differ. */
function isStructureUnchanged(current: StageRow[], next: SalesProcessStageInput[]): boolean {
  return (
    current.length === next.length &&
    current.every((stage, i) => next[i]?.id === stage.id && next[i]?.probability === stage.probability)
  );
}

/** Sales processes (销售流程): stage lists with win probabilities, per department (issue 4 §6). */
export function createSalesProcessesService({ db }: { db: Db }) {
  const readOne = async (executor: Executor, orgId: string, id: string): Promise<SalesProcess> => {
    const row = await salesProcessesRepository.getById(executor, orgId, id);
    if (!row || row.deletedAt) throw notFound('entity.salesProcess');
    return toProcess(row, await salesProcessesRepository.findStages(executor, orgId, [id]));
  };

  const assertDepartment = async (tx: Executor, orgId: string, departmentId: string | null | undefined) => {
    if (departmentId && !(await salesProcessesRepository.isDepartment(tx, orgId, departmentId))) {
      throw invalidField('departmentId', 'validation.invalid');
    }
  };

  return {
    async list(actor: Actor): Promise<SalesProcessList> {
      await db.transaction((tx) => ensureDefaultSalesProcess(tx, actor.orgId));
      const rows = await salesProcessesRepository.findLive(db, actor.orgId);
      const stages = await salesProcessesRepository.findStages(
        db,
        actor.orgId,
        rows.map((r) => r.id),
      );
      return {
        items: rows.map((row) =>
          toProcess(
            row,
            stages.filter((s) => s.processId === row.id),
          ),
        ),
      };
    },

    async get(actor: Actor, id: string): Promise<SalesProcess> {
      return readOne(db, actor.orgId, id);
    },

    async create(actor: Actor, body: CreateSalesProcessBody): Promise<SalesProcess> {
      const id = newId();
      try {
        await db.transaction(async (tx) => {
          await assertDepartment(tx, actor.orgId, body.departmentId);
          const values = {
            orgId: actor.orgId,
            id,
            name: requiredText('name', body.name),
            departmentId: body.departmentId ?? null,
          };
          const stages = body.stages.map((s, i) => ({
            orgId: actor.orgId,
            id: newId(),
            processId: id,
            name: requiredText(`stages.${i}.name`, s.name),
            nameEn: s.nameEn ?? null,
            probability: s.probability,
            sortOrder: i + 1,
          }));
          if (!(await salesProcessesRepository.insertProcess(tx, values))) throw departmentTaken();
          await salesProcessesRepository.insertStages(tx, stages);
          await recordAudit(tx, actor, {
            action: 'create',
            entity: 'sales_process',
            entityId: id,
            after: { ...values, stages },
          });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw departmentTaken();
        throw error;
      }
      return readOne(db, actor.orgId, id);
    },

    /**
     * Renaming (process or stages) and moving to another department are always allowed; the
     * stage structure (which stages, their order, their probabilities) only while unused, because
     * open deals' weighted amounts and the logged history refer to it.
     */
    async update(actor: Actor, id: string, body: UpdateSalesProcessBody): Promise<SalesProcess> {
      try {
        await db.transaction(async (tx) => {
          const locked = await salesProcessesRepository.lockById(tx, actor.orgId, id);
          if (!locked || locked.deletedAt) throw notFound('entity.salesProcess');
          if (locked.version !== body.version) throw staleVersion();
          const before = await readOne(tx, actor.orgId, id);
          if (body.departmentId !== undefined) await assertDepartment(tx, actor.orgId, body.departmentId);
          if (body.stages) {
            const current = await salesProcessesRepository.findStages(tx, actor.orgId, [id]);
            await applyStageList(tx, { actor, id, current, next: body.stages, inUse: before.inUse });
          }
          await salesProcessesRepository.updateProcess(
            tx,
            { orgId: actor.orgId, id },
            {
              ...(body.name === undefined ? {} : { name: requiredText('name', body.name) }),
              ...(body.departmentId === undefined ? {} : { departmentId: body.departmentId }),
            },
          );
          const after = await readOne(tx, actor.orgId, id);
          await recordAudit(tx, actor, { action: 'update', entity: 'sales_process', entityId: id, before, after });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw departmentTaken();
        throw error;
      }
      return readOne(db, actor.orgId, id);
    },

    /** An unused process is deleted; a used one is archived: its deals keep it, new ones do not get it. */
    async delete(actor: Actor, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const locked = await salesProcessesRepository.lockById(tx, actor.orgId, id);
        if (!locked || locked.deletedAt) throw notFound('entity.salesProcess');
        const before = await readOne(tx, actor.orgId, id);
        if (before.inUse)
          await salesProcessesRepository.updateProcess(tx, { orgId: actor.orgId, id }, { deletedAt: new Date() });
        else await salesProcessesRepository.deleteProcess(tx, { orgId: actor.orgId, id });
        await recordAudit(tx, actor, {
          action: before.inUse ? 'archive' : 'delete',
          entity: 'sales_process',
          entityId: id,
          before,
        });
      });
    },
  };
}

/** Writes the new stage list: names always, the structure only when the process is unused. */
async function applyStageList(
  tx: Executor,
  options: { actor: Actor; id: string; current: StageRow[]; next: SalesProcessStageInput[]; inUse: boolean },
): Promise<void> {
  const { actor, id, current, next } = options;
  const currentIds = new Set(current.map((s) => s.id));
  const seen = new Set<string>();
  next.forEach((stage, i) => {
    if (stage.id === undefined) return;
    if (!currentIds.has(stage.id) || seen.has(stage.id)) throw invalidField(`stages.${i}.id`, 'validation.invalid');
    seen.add(stage.id);
  });
  if (options.inUse && !isStructureUnchanged(current, next)) throw new AppError('conflict', 'error.salesProcessInUse');
  const keep = next.flatMap((s) => (s.id ? [s.id] : []));
  await salesProcessesRepository.deleteStagesExcept(tx, { orgId: actor.orgId, processId: id }, keep);
  const inserts = [];
  for (const [i, stage] of next.entries()) {
    const values = {
      name: requiredText(`stages.${i}.name`, stage.name),
      nameEn: stage.nameEn ?? null,
      probability: stage.probability,
      sortOrder: i + 1,
    };
    if (stage.id) await salesProcessesRepository.updateStage(tx, { orgId: actor.orgId, id: stage.id }, values);
    else inserts.push({ orgId: actor.orgId, id: newId(), processId: id, ...values });
  }
  await salesProcessesRepository.insertStages(tx, inserts);
}

export type SalesProcessesService = ReturnType<typeof createSalesProcessesService>;
