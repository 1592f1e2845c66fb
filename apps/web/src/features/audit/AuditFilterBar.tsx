import { AUDIT_ACTIONS, AUDIT_ENTITIES, type AuditAction, type AuditEntity } from '@guanxi/contract';
import { DatePicker, Select, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../../platform/session.queries';
import { useAuditPeople, type AuditFilters } from './audit.queries';
import { useAuditText } from './useAuditText';

interface AuditFilterBarProps {
  filters: AuditFilters;
  /** The name shown for an `entityId` filter (the record the list was opened from). */
  recordName: string | null;
  /** Phones: two controls a row, full width, instead of a wrapping line of fixed widths. */
  isNarrow: boolean;
  onChange: (next: Partial<AuditFilters>) => void;
}

/** Person, record type, action and days; a record filter shows as a tag that can be cleared. */
export function AuditFilterBar({ filters, recordName, isNarrow, onChange }: AuditFilterBarProps) {
  const { t } = useTranslation();
  const { entityLabel, actionLabel } = useAuditText();
  const canListUsers = useHasPermission('users.view');
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, 'zh-CN');
  const entityOptions = AUDIT_ENTITIES.map((entity) => ({ value: entity, label: entityLabel(entity) })).sort(byLabel);
  const actionOptions = AUDIT_ACTIONS.map((action) => ({ value: action, label: actionLabel(action) }));

  const width = (wide: number) => (isNarrow ? '100%' : wide);
  const fullRow = isNarrow ? { gridColumn: '1 / -1' } : {};
  const layout = isNarrow
    ? { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8, marginBottom: 16 }
    : { display: 'flex', flexWrap: 'wrap' as const, gap: 8, marginBottom: 16 };

  return (
    <div style={layout} data-testid="audit-filters">
      {canListUsers && (
        <PersonSelect value={filters.actorId} width={width(160)} onChange={(actorId) => onChange({ actorId })} />
      )}
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('audit.entityType')}
        value={filters.entity}
        options={entityOptions}
        onChange={(entity?: AuditEntity) => onChange({ entity, entityId: undefined })}
        style={{ width: width(160) }}
        data-testid="audit-filter-entity"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('audit.action')}
        value={filters.action}
        options={actionOptions}
        onChange={(action?: AuditAction) => onChange({ action })}
        style={{ width: width(150) }}
        data-testid="audit-filter-action"
      />
      <DatePicker.RangePicker
        placeholder={[t('audit.from'), t('audit.to')]}
        value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
        allowEmpty={[true, true]}
        onChange={(range) => onChange({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
        style={fullRow}
        data-testid="audit-filter-dates"
      />
      {filters.entityId && (
        <Tag
          closable
          onClose={() => onChange({ entityId: undefined })}
          style={{ ...fullRow, alignSelf: 'center' }}
          data-testid="audit-filter-record"
        >
          {t('audit.onlyRecord', { name: recordName ?? t('audit.thisRecord') })}
        </Tag>
      )}
    </div>
  );
}

/** Mounted only for holders of `users.view`, so nobody else asks for the user list. */
function PersonSelect(props: {
  value: string | undefined;
  width: number | string;
  onChange: (actorId: string | undefined) => void;
}) {
  const { value, width, onChange } = props;
  const { t } = useTranslation();
  const people = useAuditPeople();
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('audit.person')}
      value={value}
      loading={people.isPending}
      options={(people.data ?? []).map((user) => ({ value: user.id, label: user.displayName }))}
      onChange={(actorId?: string) => onChange(actorId)}
      style={{ width }}
      data-testid="audit-filter-person"
    />
  );
}
