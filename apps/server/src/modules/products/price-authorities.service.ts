import type { PriceAuthorityMatrix, PriceBasis, PutPriceAuthoritiesBody, Stage } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { auditTrail } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { AppError } from '../../platform/errors/app-error.js';
import { priceAuthoritiesRepository } from './price-authorities.repository.js';

const readMatrix = async (db: Executor, orgId: string): Promise<PriceAuthorityMatrix> => ({
  items: (await priceAuthoritiesRepository.list(db, orgId)).map((row) => ({
    ...row,
    stage: row.stage as Stage | null,
    basis: row.basis as PriceBasis,
    updatedAt: row.updatedAt.toISOString(),
  })),
  roles: await priceAuthoritiesRepository.allRoles(db, orgId),
});

/** The audited form of a matrix: what decides a floor, without ids and timestamps. */
const auditedMatrix = (matrix: PriceAuthorityMatrix) =>
  matrix.items.map(({ roleId, roleCode, stage, basis, percentBp }) => ({ roleId, roleCode, stage, basis, percentBp }));

const audit = auditTrail('price_authority', auditedMatrix);

/** Price authority (价格权限): the per role × stage matrix, replaced as a whole. */
export function createPriceAuthoritiesService({ db }: { db: Db }) {
  return {
    get: (actor: Actor) => readMatrix(db, actor.orgId),

    /** Validates every row first (unknown role, duplicate role × stage → 400), then swaps the matrix. */
    async replace(actor: Actor, body: PutPriceAuthoritiesBody): Promise<PriceAuthorityMatrix> {
      const seen = new Set<string>();
      body.rows.forEach((row, i) => {
        const key = `${row.roleId}:${row.stage ?? ''}`;
        if (seen.has(key))
          throw new AppError('validation', 'error.priceAuthority.duplicateRow', {
            fields: [{ field: `rows.${i}.stage`, key: 'validation.invalid' }],
          });
        seen.add(key);
      });
      await db.transaction(async (tx) => {
        await priceAuthoritiesRepository.lockMatrix(tx, actor.orgId);
        const roleIds = [...new Set(body.rows.map((row) => row.roleId))];
        const known = new Set(
          (await priceAuthoritiesRepository.rolesOf(tx, actor.orgId, { ids: roleIds })).map((r) => r.id),
        );
        const unknown = body.rows.findIndex((row) => !known.has(row.roleId));
        if (unknown >= 0)
          throw new AppError('validation', 'error.priceAuthority.unknownRole', {
            fields: [{ field: `rows.${unknown}.roleId`, key: 'validation.invalid' }],
          });
        const before = await readMatrix(tx, actor.orgId);
        await priceAuthoritiesRepository.deleteAll(tx, actor.orgId);
        await priceAuthoritiesRepository.insertMany(
          tx,
          body.rows.map((row) => ({ orgId: actor.orgId, id: newId(), ...row })),
        );
        const after = await readMatrix(tx, actor.orgId);
        await audit.updated(tx, { actor, entityId: actor.orgId, before, after });
      });
      return readMatrix(db, actor.orgId);
    },
  };
}
