import type { ImportMapping } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { ImportKind } from './import-kind.js';
import { fieldLabelOf } from './import-summary.js';
import { importUsersRepository } from './import-users.repository.js';

const invalid = (
  field: string,
  key:
    | 'imports.error.unknownField'
    | 'imports.error.requiredNotMapped'
    | 'imports.error.unknownColumn'
    | 'imports.error.ownerColumnNotMapped'
    | 'error.unknownOwner'
    | 'error.ownerNotAllowed',
  params: Record<string, string | number> = {},
) => new AppError('validation', key, { params, fields: [{ field, key: 'validation.invalid' }] });

/**
 * A mapping the engine can run: known fields, columns inside the file, values maps onto options,
 * every required field given, and owners the caller may choose (someone else needs the kind's
 * assign permission).
 */
export async function assertValidMapping(
  db: Db,
  actor: Actor,
  kind: ImportKind,
  mapping: ImportMapping,
  columnCount: number,
): Promise<void> {
  const fields = new Map(kind.fields.map((field) => [field.key, field]));
  const label = (key: string) => fieldLabelOf(kind, key, actor.locale);
  for (const [key, column] of Object.entries(mapping.columns)) {
    if (!fields.has(key)) throw invalid(`columns.${key}`, 'imports.error.unknownField', { field: key });
    if (column >= columnCount) throw invalid(`columns.${key}`, 'imports.error.unknownColumn', { column: column + 1 });
  }
  for (const key of Object.keys(mapping.constants)) {
    if (!fields.has(key)) throw invalid(`constants.${key}`, 'imports.error.unknownField', { field: key });
  }
  for (const [key, values] of Object.entries(mapping.valueMaps)) {
    const field = fields.get(key);
    if (!field || field.type !== 'enum')
      throw invalid(`valueMaps.${key}`, 'imports.error.unknownField', { field: key });
    const options = new Set((field.options ?? []).map((option) => option.value));
    for (const target of Object.values(values)) {
      if (!options.has(target)) throw invalid(`valueMaps.${key}`, 'imports.error.unknownField', { field: target });
    }
  }
  const ownerByColumn = mapping.owner.mode === 'column';
  for (const field of kind.fields) {
    if (!field.required) continue;
    if (field.key === 'ownerId' && field.type === 'user' && !ownerByColumn) continue;
    if (mapping.columns[field.key] === undefined && mapping.constants[field.key] === undefined)
      throw invalid(`columns.${field.key}`, 'imports.error.requiredNotMapped', { field: label(field.key) });
  }
  const hasOwner = fields.get('ownerId')?.type === 'user';
  if (!hasOwner) return;
  if (ownerByColumn && mapping.columns.ownerId === undefined && mapping.constants.ownerId === undefined)
    throw invalid('owner', 'imports.error.ownerColumnNotMapped');
  const owners =
    mapping.owner.mode === 'fixed'
      ? [mapping.owner.userId]
      : mapping.owner.mode === 'round_robin'
        ? mapping.owner.userIds
        : [];
  const othersChosen = ownerByColumn || owners.some((id) => id !== actor.userId);
  if (othersChosen && kind.assignPermission && !actor.permissions.has(kind.assignPermission))
    throw invalid('owner', 'error.ownerNotAllowed');
  if (owners.length > 0) {
    const active = new Set((await importUsersRepository.findActiveUsers(db, actor.orgId)).map((user) => user.id));
    if (owners.some((id) => !active.has(id))) throw invalid('owner', 'error.unknownOwner');
  }
}
