import { AUDIT_ENTITIES, type AuditEntity } from '@guanxi/contract';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { customFieldLabelOf, useCustomFieldDefinitions, useCustomFieldText } from '../custom-fields';
import { useFollowUpTypeLabel } from '../follow-ups';
import { useDictionary } from '../../platform/dictionaries';
import { useFormatMoney } from '../../platform/money';
import { isEmptyValue } from './auditChanges';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;

/** Where a status value's words live, per record type (each module names its own states). */
const STATUS_WORDS: Partial<Record<string, string>> = {
  lead: 'leadStatus',
  opportunity: 'opportunityStatus',
  order: 'order.statusNames',
  expense: 'expense.statuses',
  task: 'task.statuses',
  work_report: 'report.statuses',
  work_plan: 'plan.statuses',
  stock_movement: 'stock.statuses',
};

/** Fields whose values are codes of a shared vocabulary. */
function vocabularyOf(entity: string, field: string): string | null {
  switch (field) {
    case 'stage':
    case 'from':
    case 'to':
      return entity === 'customer' || entity === 'stage_transition_request' ? 'stage' : null;
    case 'scale':
    case 'gender':
      return field;
    case 'kind':
      return entity === 'customer' ? 'kind' : entity === 'dictionary_entry' ? 'dictionary.kinds' : null;
    case 'dataScope':
      return 'dataScope';
    case 'businessType':
      return 'approvalFlow.types';
    case 'locale':
      return 'locale';
    case 'method':
      return 'payment.methods';
    case 'category':
      return entity === 'expense' ? 'expense.categories' : null;
    case 'status':
      return STATUS_WORDS[entity] ?? null;
    case 'state':
      return entity === 'complaint' ? 'complaint.states' : null;
    case 'severity':
      return entity === 'complaint' ? 'complaint.severities' : null;
    case 'channel':
      return entity === 'complaint' ? 'complaint.channels' : null;
    default:
      return null;
  }
}

/** Words for the audit log: record types, actions, field labels and values as people read them. */
export function useAuditText() {
  const { t, i18n } = useTranslation();
  const customFields = useCustomFieldDefinitions().data ?? [];
  const customFieldText = useCustomFieldText();
  const formatMoney = useFormatMoney();
  const followUpType = useFollowUpTypeLabel();
  // Sources, levels and industries are the organization's dictionaries: codes read as the entries' names.
  const dictionaries = {
    source: useDictionary('source'),
    tier: useDictionary('tier'),
    industry: useDictionary('industry'),
  };
  const dictionaryOf = (entity: string, field: string) =>
    (entity === 'customer' || entity === 'lead' || entity === 'customer_pool') &&
    (field === 'source' || field === 'tier' || field === 'industry')
      ? dictionaries[field]
      : null;
  const isKnownEntity = (entity: string): entity is AuditEntity =>
    (AUDIT_ENTITIES as readonly string[]).includes(entity);

  /** A field name the catalog does not know reads as words ("shippingAddress" → "Shipping address"). */
  const humanized = (field: string) => {
    const words = field
      .replace(/Fen$|Id$|Ids$/, '')
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .replaceAll('_', ' ')
      .toLowerCase();
    return words.charAt(0).toUpperCase() + words.slice(1);
  };

  const entityLabel = (entity: string) => (isKnownEntity(entity) ? t(`audit.entity.${entity}`) : humanized(entity));
  // Order moves are stored as `status:<state>`; i18next reads ':' as a namespace separator.
  const actionLabel = (action: string) =>
    t(`audit.actionName.${action.replace(':', '_')}`, { defaultValue: humanized(action.replace(':', '_')) });

  const fieldLabel = (entity: string, field: string) => {
    const key = field === 'title' && (entity === 'task' || entity === 'approval_request') ? 'heading' : field;
    return t(`audit.field.${key}`, { defaultValue: humanized(field) });
  };

  /** "城市：" / "City: " — the colon and its spacing differ by language. */
  const labelled = (label: string) => t('audit.labelled', { label });

  const permissionLabel = (code: string) => {
    const [module = code, action = ''] = code.split('.');
    return `${t(`permissionModule.${module}`, { defaultValue: module })} · ${t(`permissionAction.${action}`, { defaultValue: action })}`;
  };

  const formatValue = (entity: string, field: string, value: unknown, names: Record<string, string>): string => {
    if (isEmptyValue(value)) return t('common.empty');
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    if (typeof value === 'number') {
      if (field.endsWith('Fen')) return formatMoney(value);
      if (field.endsWith('Bp')) return `${value / 100}%`;
      return value.toLocaleString(i18n.language);
    }
    if (typeof value === 'string') {
      if (UUID.test(value)) return names[value.toLowerCase()] ?? t('audit.unavailable');
      if (field === 'type' && entity === 'follow_up') return followUpType(value);
      if (field === 'ruleId') return t(`audit.rule.${value.replace(/^rule\./, '')}`, { defaultValue: value });
      // The customer form's owner change is logged with this reason; people typed every other one.
      if (field === 'reason' && value === 'edit' && entity === 'customer') return t('audit.ownerChangedInForm');
      const dictionary = dictionaryOf(entity, field);
      if (dictionary) return dictionary.label(value) ?? value;
      const vocabulary = vocabularyOf(entity, field);
      if (vocabulary) return t(`${vocabulary}.${value}`, { defaultValue: value });
      if (TIMESTAMP.test(value) && dayjs(value).isValid()) return dayjs(value).format('YYYY-MM-DD HH:mm');
      return value;
    }
    if (Array.isArray(value)) {
      if (field === 'permissions') return value.map((code) => permissionLabel(String(code))).join(t('audit.joiner'));
      if (value.every((item) => typeof item !== 'object' || item === null)) {
        return value.map((item) => formatValue(entity, field, item, names)).join(t('audit.joiner'));
      }
      return t('audit.items', { count: value.length });
    }
    if (typeof value === 'object' && value !== null) {
      // Custom values (issue 14) by the field's label and as the record shows them; an unknown key stays hidden.
      if (field === 'customFields') {
        return Object.entries(value as Record<string, unknown>)
          .flatMap(([key, inner]) => {
            const definition = customFields.find((f) => f.key === key && f.entity === entity);
            if (!definition || isEmptyValue(inner)) return [];
            const text = customFieldText(definition, inner) ?? t('common.empty');
            return [`${labelled(customFieldLabelOf(definition, i18n.language))}${text}`];
          })
          .join(t('audit.listSeparator'));
      }
      if (field === 'fieldPermissions') {
        return Object.entries(value)
          .map(
            ([key, access]) =>
              `${labelled(t(`protectedField.${key}`, { defaultValue: key }))}${t(`fieldAccess.${String(access)}`, { defaultValue: String(access) })}`,
          )
          .join(t('audit.listSeparator'));
      }
      return Object.entries(value as Record<string, unknown>)
        .filter(([, inner]) => !isEmptyValue(inner))
        .map(([key, inner]) => `${labelled(fieldLabel(entity, key))}${formatValue(entity, key, inner, names)}`)
        .join(t('audit.listSeparator'));
    }
    return String(value);
  };

  return { entityLabel, actionLabel, fieldLabel, labelled, formatValue };
}
