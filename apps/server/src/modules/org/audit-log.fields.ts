import { CUSTOM_FIELD_ENTITIES, type CustomFieldEntity, type FieldAccess } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { contactFieldAccess } from '../contacts/index.js';
import { visibleCustomFieldValues } from '../custom-fields/index.js';
import { fieldAccess } from '../customers/index.js';
import { leadFieldAccess } from '../leads/index.js';

type Reader = Pick<Actor, 'fieldPermissions'>;
type AccessOf = (reader: Reader, field: string) => FieldAccess;

/**
 * How each kind of record decides a field's access — the owning module's own rule, so a snapshot
 * hides exactly what the record's detail hides (a contact's mobile and WeChat follow the customer
 * phone permission). Kinds without protected fields are not listed.
 */
const ACCESS: Record<string, AccessOf> = {
  customer: (reader, field) => fieldAccess(reader.fieldPermissions, field),
  contact: contactFieldAccess,
  lead: leadFieldAccess,
};

/**
 * Stored columns derived from a protected field. Snapshots are written from the API-shaped row
 * today, but a snapshot taken from the table row would carry these, and they reveal the field.
 */
const DERIVED: Record<string, readonly string[]> = {
  phoneE164: ['phone'],
  phoneExt: ['phone'],
  mobileE164: ['mobile'],
  emailNormalized: ['email'],
  searchTokens: ['phone', 'mobile', 'email'],
};

function isHidden(access: AccessOf, reader: Reader, field: string): boolean {
  if (access(reader, field) === 'hidden') return true;
  return (DERIVED[field] ?? []).some((source) => access(reader, source) === 'hidden');
}

/** Drops hidden fields at every depth (a snapshot may nest rows, e.g. a list of changed records). */
function strip(value: unknown, access: AccessOf, reader: Reader): unknown {
  if (Array.isArray(value)) return value.map((item) => strip(item, access, reader));
  if (value === null || typeof value !== 'object') return value;
  const kept: Record<string, unknown> = {};
  for (const [field, inner] of Object.entries(value)) {
    if (!isHidden(access, reader, field)) kept[field] = strip(inner, access, reader);
  }
  return kept;
}

/** A snapshot as the reader may see it: the fields their role hides for this kind of record removed. */
export function visibleSnapshot(reader: Reader, entity: string, snapshot: unknown): unknown {
  const access = ACCESS[entity];
  const visible = access ? strip(snapshot, access, reader) : snapshot;
  return isCustomFieldEntity(entity) ? withoutHiddenCustomFields(reader, entity, visible) : visible;
}

const isCustomFieldEntity = (entity: string): entity is CustomFieldEntity =>
  (CUSTOM_FIELD_ENTITIES as readonly string[]).includes(entity);

/** A snapshot's custom values (issue 14) lose the fields the reader's role hides. */
function withoutHiddenCustomFields(reader: Reader, entity: CustomFieldEntity, snapshot: unknown): unknown {
  if (snapshot === null || typeof snapshot !== 'object' || !('customFields' in snapshot)) return snapshot;
  const values = (snapshot as { customFields: unknown }).customFields;
  if (values === null || typeof values !== 'object' || Array.isArray(values)) return snapshot;
  return {
    ...snapshot,
    customFields: visibleCustomFieldValues(reader.fieldPermissions, entity, values as Record<string, never>),
  };
}
