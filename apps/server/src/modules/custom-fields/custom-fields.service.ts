import {
  CUSTOM_FIELD_ENTITIES,
  customFieldAccess,
  type CreateCustomFieldBody,
  type CustomFieldDefinition,
  type CustomFieldEntity,
  type CustomFieldList,
  type CustomFieldListQuery,
  type CustomFieldOption,
  type CustomFieldType,
  type Permission,
  type UpdateCustomFieldBody,
} from '@guanxi/contract';
import { pinyin } from 'pinyin-pro';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { AppError, invalidField, notFound, staleVersion } from '../../platform/errors/app-error.js';
import { customFieldsRepository, type CustomFieldRow } from './custom-fields.repository.js';

/** Who may read a record type's fields: whoever may view the records. */
export const ENTITY_VIEW_PERMISSION: Record<CustomFieldEntity, Permission> = {
  customer: 'customers.view',
  contact: 'contacts.view',
  opportunity: 'opportunities.view',
  order: 'orders.view',
};

export const toDefinition = (row: CustomFieldRow): CustomFieldDefinition => ({
  id: row.id,
  entity: row.entity as CustomFieldEntity,
  key: row.key,
  label: row.label,
  labelEn: row.labelEn,
  type: row.type as CustomFieldType,
  options: row.options,
  required: row.required,
  showInList: row.showInList,
  showOnDetail: row.showOnDetail,
  sortOrder: row.sortOrder,
  archived: row.deletedAt !== null,
  version: row.version,
});
const audited = ({ orgId: _org, id: _id, createdAt: _c, updatedAt: _u, deletedAt, ...rest }: CustomFieldRow) => ({
  ...rest,
  archived: deletedAt !== null,
});

const isChoice = (type: string) => type === 'select' || type === 'multiselect';

/** Options of a select: at least one, values unique, labels trimmed; other types have none. */
function checkedOptions(type: string, options: CustomFieldOption[] | undefined): CustomFieldOption[] {
  if (!isChoice(type)) return [];
  const list = (options ?? []).map((o) => ({ ...o, label: o.label.trim(), labelEn: o.labelEn?.trim() || null }));
  if (list.length === 0) throw invalidField('options', 'validation.required');
  const values = new Set(list.map((o) => o.value));
  if (values.size !== list.length || list.some((o) => !o.label)) throw invalidField('options', 'validation.invalid');
  return list;
}

/** A stable key from the label: its pinyin (行业细分 → hang_ye_xi_fen) or Latin words, else `field`. */
function keyFromLabel(label: string): string {
  const words = pinyin(label, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('_')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const key = /^[a-z]/.test(words) ? words : `field_${words}`.replace(/_+$/, '');
  return key.slice(0, 32).replace(/_+$/, '');
}

async function uniqueKey(tx: Executor, orgId: string, entity: string, base: string): Promise<string> {
  const taken = new Set(await customFieldsRepository.keysLike(tx, orgId, entity, base));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** Custom field definitions (自定义字段): administrators keep them; readers of a record type read them. */
export function createCustomFieldsService({ db }: { db: Db }) {
  const readOne = async (orgId: string, id: string) => {
    const row = await customFieldsRepository.lockById(db, orgId, id);
    if (!row) throw notFound('entity.customField');
    return toDefinition(row);
  };

  return {
    /**
     * Live and archived fields of the record types the caller may view; a field the caller's role
     * hides is left out (administrators who keep the fields see them all).
     */
    async list(actor: Actor, query: CustomFieldListQuery): Promise<CustomFieldList> {
      const manages = actor.permissions.has('customFields.manage');
      const entities = (query.entity ? [query.entity] : CUSTOM_FIELD_ENTITIES).filter(
        (entity) => manages || actor.permissions.has(ENTITY_VIEW_PERMISSION[entity]),
      );
      const rows = await customFieldsRepository.findAll(db, actor.orgId, entities);
      const items = rows
        .map(toDefinition)
        .filter((f) => manages || customFieldAccess(actor.fieldPermissions, f.entity, f.key) !== 'hidden');
      return { items };
    },

    async create(actor: Actor, body: CreateCustomFieldBody): Promise<CustomFieldDefinition> {
      const id = newId();
      const label = body.label.trim();
      if (!label) throw invalidField('label', 'validation.required');
      await db.transaction(async (tx) => {
        const key = body.key ? body.key : await uniqueKey(tx, actor.orgId, body.entity, keyFromLabel(label) || 'field');
        if (body.key && (await customFieldsRepository.keysLike(tx, actor.orgId, body.entity, key)).includes(key)) {
          throw new AppError('conflict', 'error.customFieldKeyTaken', {
            fields: [{ field: 'key', key: 'validation.invalid' }],
          });
        }
        const values = {
          orgId: actor.orgId,
          id,
          entity: body.entity,
          key,
          label,
          labelEn: body.labelEn?.trim() || null,
          type: body.type,
          options: checkedOptions(body.type, body.options),
          required: body.required ?? false,
          showInList: body.showInList ?? false,
          showOnDetail: body.showOnDetail ?? true,
          sortOrder: body.sortOrder ?? (await customFieldsRepository.nextSortOrder(tx, actor.orgId, body.entity)),
        };
        await customFieldsRepository.insert(tx, values);
        await recordAudit(tx, actor, { action: 'create', entity: 'custom_field', entityId: id, after: values });
      });
      return readOne(actor.orgId, id);
    },

    async update(actor: Actor, id: string, body: UpdateCustomFieldBody): Promise<CustomFieldDefinition> {
      const { version, archived, ...changes } = body;
      await db.transaction(async (tx) => {
        const before = await customFieldsRepository.lockById(tx, actor.orgId, id);
        if (!before) throw notFound('entity.customField');
        if (before.version !== version) throw staleVersion();
        if (changes.label !== undefined && !changes.label.trim()) throw invalidField('label', 'validation.required');
        if (changes.options !== undefined && isChoice(before.type)) {
          // An option a record may hold is deactivated, never removed: its label must stay readable.
          const kept = new Set(changes.options.map((o) => o.value));
          if (before.options.some((o) => !kept.has(o.value))) throw invalidField('options', 'validation.invalid');
        }
        const values = {
          ...changes,
          ...(changes.label === undefined ? {} : { label: changes.label.trim() }),
          ...(changes.labelEn === undefined ? {} : { labelEn: changes.labelEn?.trim() || null }),
          ...(changes.options === undefined ? {} : { options: checkedOptions(before.type, changes.options) }),
          ...(archived === undefined || archived === (before.deletedAt !== null)
            ? {}
            : { deletedAt: archived ? new Date() : null }),
        };
        if (!(await customFieldsRepository.update(tx, { orgId: actor.orgId, id, version }, values)))
          throw staleVersion();
        const after = (await customFieldsRepository.lockById(tx, actor.orgId, id))!;
        await recordAudit(tx, actor, {
          action: archived === true && !before.deletedAt ? 'archive' : 'update',
          entity: 'custom_field',
          entityId: id,
          before: audited(before),
          after: audited(after),
        });
      });
      return readOne(actor.orgId, id);
    },
  };
}
