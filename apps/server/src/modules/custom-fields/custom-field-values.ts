import {
  DATE_PATTERN,
  customFieldAccess,
  customFieldLabel,
  type CustomFieldEntity,
  type CustomFieldValue,
  type CustomFieldValues,
  type FieldPermissions,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import { AppError, type FieldError } from '../../platform/errors/app-error.js';
import type { MessageKey } from '../../platform/i18n/index.js';
import { customFieldsRepository, type CustomFieldCondition, type CustomFieldRow } from './custom-fields.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = new RegExp(DATE_PATTERN);
const NUMBER = /^-?\d{1,15}(\.\d{1,6})?$/;

const isEmpty = (value: CustomFieldValue | undefined) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

const fieldError = (row: Pick<CustomFieldRow, 'key' | 'label' | 'labelEn'>, key: MessageKey): FieldError => ({
  field: `customFields.${row.key}`,
  key,
  label: { 'zh-CN': customFieldLabel(row, 'zh-CN'), en: customFieldLabel(row, 'en') },
});

/** A real calendar day: 2026-02-30 does not round-trip. */
const validDate = (text: string) => {
  if (!DATE.test(text)) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
};

/** The value as stored, or null when it does not fit the field (the option check is separate). */
function normalized(row: CustomFieldRow, value: CustomFieldValue): CustomFieldValue | undefined {
  // The body's schema coerces types (a number may arrive as its text), so both forms are read here.
  const number =
    typeof value === 'number' ? value : typeof value === 'string' && NUMBER.test(value) ? Number(value) : NaN;
  switch (row.type) {
    case 'text':
      return typeof value === 'string' || typeof value === 'number' ? String(value).trim() || null : undefined;
    case 'number':
      return Number.isFinite(number) ? number : undefined;
    case 'money':
      return Number.isSafeInteger(number) ? number : undefined;
    case 'date':
      return typeof value === 'string' && validDate(value) ? value : undefined;
    case 'select':
    case 'person':
      return typeof value === 'string' && value !== '' ? value : undefined;
    case 'multiselect':
      return Array.isArray(value) ? value : undefined;
    default:
      return undefined;
  }
}

/** Options a value may take: the active ones, and any the record already holds (deactivated later). */
function allowedOptions(row: CustomFieldRow, held: CustomFieldValue | undefined): Set<string> {
  const heldValues = Array.isArray(held) ? held : typeof held === 'string' ? [held] : [];
  return new Set(row.options.filter((o) => o.active || heldValues.includes(o.value)).map((o) => o.value));
}

/**
 * A record's custom values after a create or an update, checked against the organization's live
 * definitions of the record type: each sent key must be a live field the caller may edit, of the
 * field's type, an offered option or an enabled colleague; required fields may not be left empty
 * (on create, every required field the caller may edit; on update, those sent). The sent keys
 * replace the record's; `null` clears one. Every problem is reported at once, naming the field by
 * its label; nothing is written.
 */
export async function checkCustomFieldValues(
  executor: Executor,
  actor: Pick<Actor, 'orgId' | 'fieldPermissions'>,
  options: { entity: CustomFieldEntity; input: CustomFieldValues | undefined; before: CustomFieldValues | null },
): Promise<CustomFieldValues> {
  const { entity, input = {}, before } = options;
  const current: CustomFieldValues = { ...(before ?? {}) };
  const rows = await customFieldsRepository.findLive(executor, actor.orgId, entity);
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const errors: FieldError[] = [];
  const people: { row: CustomFieldRow; id: string }[] = [];
  for (const [key, raw] of Object.entries(input)) {
    const row = byKey.get(key);
    if (!row) {
      errors.push({ field: `customFields.${key}`, key: 'validation.unknownField' });
      continue;
    }
    if (customFieldAccess(actor.fieldPermissions, entity, key) !== 'edit') {
      errors.push(fieldError(row, 'validation.readOnly'));
      continue;
    }
    if (isEmpty(raw)) {
      if (row.required) errors.push(fieldError(row, 'validation.required'));
      else delete current[key];
      continue;
    }
    const value = normalized(row, raw);
    if (value === undefined || value === null) {
      errors.push(fieldError(row, value === null && row.required ? 'validation.required' : 'validation.invalid'));
      continue;
    }
    if (row.type === 'select' || row.type === 'multiselect') {
      const allowed = allowedOptions(row, before?.[key]);
      const chosen = Array.isArray(value) ? value : [String(value)];
      if (!chosen.every((v) => allowed.has(v))) {
        errors.push(fieldError(row, 'validation.notAnOption'));
        continue;
      }
    }
    if (row.type === 'person') {
      if (!UUID.test(String(value))) {
        errors.push(fieldError(row, 'validation.invalid'));
        continue;
      }
      people.push({ row, id: String(value) });
    }
    current[key] = value;
  }
  if (before === null) {
    for (const row of rows) {
      const editable = customFieldAccess(actor.fieldPermissions, entity, row.key) === 'edit';
      if (row.required && editable && isEmpty(current[row.key]) && !(row.key in input)) {
        errors.push(fieldError(row, 'validation.required'));
      }
    }
  }
  if (people.length > 0) {
    const enabled = await customFieldsRepository.findEnabledUserIds(
      executor,
      actor.orgId,
      people.map((p) => p.id),
    );
    for (const { row, id } of people) if (!enabled.has(id)) errors.push(fieldError(row, 'validation.unknownUser'));
  }
  if (errors.length > 0) throw new AppError('validation', 'error.validation', { fields: errors });
  return current;
}

/** The values without the fields the reader's role hides (security A9). */
export function visibleCustomFieldValues(
  permissions: FieldPermissions,
  entity: CustomFieldEntity,
  values: CustomFieldValues | null | undefined,
): CustomFieldValues {
  const visible: CustomFieldValues = {};
  for (const [key, value] of Object.entries(values ?? {})) {
    if (customFieldAccess(permissions, entity, key) !== 'hidden') visible[key] = value;
  }
  return visible;
}

/**
 * List filters `key:value` as conditions for the record's repository. A filter on an unknown,
 * archived or hidden field, or a value the field cannot hold, is refused (400 naming `cf`).
 */
export async function customFieldConditions(
  executor: Executor,
  actor: Pick<Actor, 'orgId' | 'fieldPermissions'>,
  entity: CustomFieldEntity,
  filters: readonly string[] | undefined,
): Promise<CustomFieldCondition[]> {
  if (!filters?.length) return [];
  const rows = new Map((await customFieldsRepository.findLive(executor, actor.orgId, entity)).map((r) => [r.key, r]));
  const invalid = () =>
    new AppError('validation', 'error.validation', { fields: [{ field: 'cf', key: 'validation.invalid' }] });
  return filters.map((filter) => {
    const at = filter.indexOf(':');
    const key = filter.slice(0, at);
    const text = filter.slice(at + 1);
    const row = at > 0 ? rows.get(key) : undefined;
    if (!row || !text || customFieldAccess(actor.fieldPermissions, entity, key) === 'hidden') throw invalid();
    if (row.type === 'text') return { key, kind: 'contains', value: text };
    if (row.type === 'multiselect') return { key, kind: 'holds', value: text };
    if (row.type === 'number' || row.type === 'money') {
      const value = Number(text);
      if (!Number.isFinite(value)) throw invalid();
      return { key, kind: 'equals', value };
    }
    if (row.type === 'date' && !validDate(text)) throw invalid();
    return { key, kind: 'equals', value: text };
  });
}
