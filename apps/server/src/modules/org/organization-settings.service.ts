import type { Organization, UpdateOrganizationBody } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { normalizeOrganizationCode } from './organization-code.js';
import { organizationsRepository } from './organizations.repository.js';
import { isUniqueViolation } from './unique-violation.js';

const codeTaken = () =>
  new AppError('conflict', 'error.organizationCodeTaken', {
    fields: [{ field: 'code', key: 'validation.organizationCodeTaken' }],
  });

/** The caller's own organization: its name and the login code its people sign in with. */
export function createOrganizationSettingsService({ db }: { db: Db }) {
  return {
    async get(actor: Actor): Promise<Organization> {
      const organization = await organizationsRepository.getById(db, actor.orgId);
      if (!organization) throw notFound('entity.organization');
      return organization;
    },

    /**
     * Changes the login code. Sessions stay valid (they do not name the code); from now on sign-in
     * takes the new code only. Another organization's code, in any letter case, answers 409 (the
     * unique index on lower(code) decides, so two admins racing for one code cannot both win).
     */
    async update(actor: Actor, body: UpdateOrganizationBody): Promise<Organization> {
      const code = normalizeOrganizationCode(body.code);
      try {
        return await db.transaction(async (tx) => {
          const before = await organizationsRepository.lockById(tx, actor.orgId);
          if (!before) throw notFound('entity.organization');
          if (before.code === code) return before;
          await organizationsRepository.updateCode(tx, actor.orgId, code);
          await recordAudit(tx, actor, {
            action: 'update',
            entity: 'organization',
            entityId: actor.orgId,
            before: { code: before.code },
            after: { code },
          });
          return { ...before, code };
        });
      } catch (error) {
        throw isUniqueViolation(error) ? codeTaken() : error;
      }
    },
  };
}
