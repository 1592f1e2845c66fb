import type {
  ImportKindName,
  ImportMapping,
  ImportTemplate,
  ImportTemplateList,
  ImportTemplateListQuery,
  SaveImportTemplateBody,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { forbidden, invalidField, notFound } from '../../platform/errors/app-error.js';
import { findImportKind, importKinds } from './import-kinds.js';
import type { ImportTemplateRow } from './imports.repository.js';
import { importsRepository } from './imports.repository.js';

const toTemplate = (row: ImportTemplateRow): ImportTemplate => ({
  id: row.id,
  kind: row.kind as ImportKindName,
  name: row.name,
  headers: row.headers,
  mapping: row.mapping as ImportMapping,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** Saved mappings per kind, shared in the organization among those who may import the kind. */
export function createImportTemplatesService({ db }: { db: Db }) {
  const allowedKinds = (actor: Actor) =>
    importKinds.filter((kind) => actor.permissions.has(kind.permission)).map((kind) => kind.name);

  return {
    async list(actor: Actor, query: ImportTemplateListQuery): Promise<ImportTemplateList> {
      const kinds = allowedKinds(actor).filter((kind) => !query.kind || kind === query.kind);
      return { items: (await importsRepository.findTemplates(db, actor.orgId, kinds)).map(toTemplate) };
    },

    async create(actor: Actor, body: SaveImportTemplateBody): Promise<ImportTemplate> {
      const kind = findImportKind(body.kind);
      if (!kind) throw invalidField('kind', 'validation.oneOf');
      if (!actor.permissions.has(kind.permission)) throw forbidden();
      const row = await importsRepository.upsertTemplate(db, {
        orgId: actor.orgId,
        id: newId(),
        kind: body.kind,
        name: body.name.trim(),
        headers: body.headers,
        mapping: body.mapping,
        createdBy: actor.userId,
      });
      return toTemplate(row);
    },

    async delete(actor: Actor, id: string): Promise<void> {
      const row = await importsRepository.getTemplate(db, actor.orgId, id);
      if (!row || !allowedKinds(actor).includes(row.kind as ImportKindName)) throw notFound('entity.importTemplate');
      await importsRepository.deleteTemplate(db, actor.orgId, id);
    },
  };
}
