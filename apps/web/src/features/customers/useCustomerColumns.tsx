import type {
  CustomerColumnChoice,
  CustomerCustomColumn,
  CustomerListColumn,
  CustomerListItem,
  CustomerSort,
} from '@guanxi/contract';
import { RfmSegmentTag } from '../../platform/ui/RfmSegmentTag';
import { Button, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDictionary } from '../../platform/dictionaries';
import { useMe } from '../../platform/session.queries';
import { customFieldAccessOf, customFieldLabelOf, useCustomFieldText, useLiveCustomFields } from '../custom-fields';
import { fieldAccess } from './customerFields';
import { PHASE_COLORS } from './customerOptions';

type Column = TableColumnsType<CustomerListItem>[number];

const STAGE_COLORS: Record<CustomerListItem['stage'], string> = {
  prospect: 'default',
  interested: 'blue',
  first_purchase: 'green',
  repeat: 'gold',
  lost: 'red',
};

/** Within this many days of the reclaim the countdown turns red (the pools' default reminder is 2 days). */
const RECLAIM_WARNING_DAYS = 3;

const sortOrder = (sort: CustomerSort | undefined, field: string) =>
  sort === field ? ('ascend' as const) : sort === `-${field}` ? ('descend' as const) : null;

const formatTime = (value: string | null) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '');

/** A date with its time on hover: the list shows days, the exact moment is one hover away. */
const dateWithTime = (value: string, content?: ReactNode) => (
  <span title={dayjs(value).format('YYYY-MM-DD HH:mm')}>{content ?? dayjs(value).format('YYYY-MM-DD')}</span>
);

/** Every column the list can show, by its key in `CUSTOMER_LIST_COLUMNS`, in that order. */
function useColumnCatalog(sort: CustomerSort | undefined): Partial<Record<CustomerListColumn, Column>> {
  const { t } = useTranslation();
  const permissions = useMe().data?.fieldPermissions ?? {};
  const tiers = useDictionary('tier');
  const sources = useDictionary('source');
  const empty = t('common.empty');
  const days = (count: number) => t('customer.days', { count });
  const sortable = (key: string) => ({ sorter: true, sortOrder: sortOrder(sort, key) });

  return {
    customerNo: { dataIndex: 'customerNo', title: t('customer.customerNo'), ...sortable('customerNo'), width: 130 },
    name: {
      dataIndex: 'name',
      title: t('customer.name'),
      ...sortable('name'),
      ellipsis: true,
      width: 240,
    },
    kind: {
      dataIndex: 'kind',
      title: t('customer.kind'),
      width: 80,
      render: (kind: CustomerListItem['kind']) => t(`kind.${kind}`),
    },
    stage: {
      dataIndex: 'stage',
      title: t('customer.stage'),
      width: 110,
      render: (stage: CustomerListItem['stage']) => <Tag color={STAGE_COLORS[stage]}>{t(`stage.${stage}`)}</Tag>,
    },
    daysInStage: {
      dataIndex: 'daysInStage',
      title: t('customer.daysInStageShort'),
      ...sortable('daysInStage'),
      align: 'end',
      width: 110,
      render: (count: number, customer) => dateWithTime(customer.stageEnteredAt, days(count)),
    },
    relationshipPhase: {
      dataIndex: 'relationshipPhase',
      title: t('customer.relationshipPhase'),
      width: 110,
      render: (phase: CustomerListItem['relationshipPhase']) =>
        phase ? <Tag color={PHASE_COLORS[phase]}>{t(`relationship.phases.${phase}`)}</Tag> : empty,
    },
    rfmSegment: {
      dataIndex: 'rfmSegment',
      title: t('customer.rfmSegment'),
      width: 130,
      render: (segment: CustomerListItem['rfmSegment']) => (segment ? <RfmSegmentTag segment={segment} /> : empty),
    },
    tier: {
      dataIndex: 'tier',
      title: t('customer.tier'),
      width: 100,
      render: (tier: CustomerListItem['tier']) => tiers.label(tier) ?? empty,
    },
    source: {
      dataIndex: 'source',
      title: t('customer.source'),
      width: 110,
      render: (source: CustomerListItem['source']) => sources.label(source) ?? empty,
    },
    ...(fieldAccess(permissions, 'phone') === 'hidden'
      ? {}
      : {
          phone: {
            dataIndex: 'phone',
            title: t('customer.phone'),
            width: 140,
            render: (phone?: string | null) => phone ?? empty,
          },
        }),
    city: { dataIndex: 'city', title: t('customer.city'), width: 100, render: (city: string | null) => city ?? empty },
    owner: {
      dataIndex: 'ownerName',
      title: t('customer.owner'),
      width: 100,
      ellipsis: true,
      render: (name: string | null) => name ?? t('customer.inPool'),
    },
    lastFollowUpAt: {
      dataIndex: 'lastFollowUpAt',
      title: t('customerList.lastFollowUpAt'),
      width: 115,
      render: (at: string | null) =>
        at ? dateWithTime(at) : <Typography.Text type="secondary">{t('customerList.neverFollowedUp')}</Typography.Text>,
    },
    nextContactAt: {
      dataIndex: 'nextContactAt',
      title: t('customerList.nextContactAt'),
      width: 115,
      render: (at: string | null) => {
        if (!at) return empty;
        const overdue = dayjs(at).isBefore(dayjs(), 'day');
        return dateWithTime(
          at,
          <Typography.Text type={overdue ? 'danger' : undefined}>
            {dayjs(at).format('YYYY-MM-DD')}
            {overdue && ` ${t('customerList.nextContactOverdue')}`}
          </Typography.Text>,
        );
      },
    },
    daysWithoutFollowUp: {
      dataIndex: 'daysWithoutFollowUp',
      title: t('customerList.daysWithoutFollowUp'),
      align: 'end',
      width: 110,
      render: (count: number) => days(count),
    },
    daysUntilReclaim: {
      dataIndex: 'daysUntilReclaim',
      title: t('customerList.daysUntilReclaim'),
      align: 'end',
      width: 100,
      render: (count: number | null) => {
        if (count === null)
          return (
            <Typography.Text type="secondary" title={t('customerList.reclaimNoneHint')}>
              {empty}
            </Typography.Text>
          );
        if (count <= 0)
          return (
            <Typography.Text type="danger" title={t('customerList.reclaimDueHint')}>
              {t('customerList.reclaimDue')}
            </Typography.Text>
          );
        return (
          <Typography.Text type={count <= RECLAIM_WARNING_DAYS ? 'danger' : undefined}>{days(count)}</Typography.Text>
        );
      },
    },
    tags: {
      dataIndex: 'tags',
      title: t('customerList.tags'),
      width: 180,
      render: (tags: string[]) => (tags.length === 0 ? empty : tags.map((tag) => <Tag key={tag}>{tag}</Tag>)),
    },
    updatedAt: {
      dataIndex: 'updatedAt',
      title: t('customer.updatedAt'),
      ...sortable('updatedAt'),
      width: 150,
      render: formatTime,
    },
    createdAt: {
      dataIndex: 'createdAt',
      title: t('customer.createdAt'),
      ...sortable('createdAt'),
      width: 150,
      render: formatTime,
    },
  };
}

/** The columns of the custom fields the caller may see (`cf.<key>`), after the built-in ones. */
function useCustomColumns(): [CustomerCustomColumn, Column][] {
  const { t, i18n } = useTranslation();
  const permissions = useMe().data?.fieldPermissions ?? {};
  const text = useCustomFieldText();
  const fields = useLiveCustomFields('customer').data.filter(
    (field) => customFieldAccessOf(permissions, field) !== 'hidden',
  );
  return fields.map((field) => [
    `cf.${field.key}`,
    {
      title: customFieldLabelOf(field, i18n.language),
      width: field.type === 'multiselect' || field.type === 'text' ? 180 : 130,
      ellipsis: true,
      align: field.type === 'money' || field.type === 'number' ? 'end' : undefined,
      render: (_: unknown, customer: CustomerListItem) =>
        text(field, customer.customFields[field.key]) ?? t('common.empty'),
    },
  ]);
}

/** The custom fields an administrator marked "show in list": the default set's own additions. */
export function useDefaultCustomColumns(): CustomerCustomColumn[] {
  return useLiveCustomFields('customer')
    .data.filter((field) => field.showInList)
    .map((field) => `cf.${field.key}` as const);
}

/** The label of each column the caller may see, in list order (the column chooser's options). */
export function useColumnChoices(): { key: CustomerColumnChoice; label: ReactNode }[] {
  const catalog = useColumnCatalog(undefined);
  const custom = useCustomColumns();
  return [...(Object.entries(catalog) as [CustomerListColumn, Column][]), ...custom].map(([key, column]) => ({
    key,
    label: column.title as ReactNode,
  }));
}

export function useCustomerColumns(options: {
  sort?: CustomerSort;
  /** The columns to show (the name always shows). */
  visible: readonly CustomerColumnChoice[];
  isTrash: boolean;
  onRestore: (customer: CustomerListItem) => void;
  restoringId?: string;
}): TableColumnsType<CustomerListItem> {
  const { t } = useTranslation();
  const catalog = useColumnCatalog(options.sort);
  const custom = useCustomColumns();
  const columns: TableColumnsType<CustomerListItem> = [
    ...(Object.entries(catalog) as [CustomerListColumn, Column][]),
    ...custom,
  ]
    .filter(([key]) => key === 'name' || options.visible.includes(key))
    .map(([key, column]) => ({ ...column, key }));
  if (options.isTrash) {
    columns.push(
      { key: 'deletedAt', dataIndex: 'deletedAt', title: t('customer.deletedAt'), width: 150, render: formatTime },
      {
        key: 'actions',
        title: t('common.actions'),
        width: 100,
        fixed: 'end',
        render: (_, customer) => (
          <Button
            size="small"
            loading={options.restoringId === customer.id}
            onClick={(event) => {
              event.stopPropagation();
              options.onRestore(customer);
            }}
          >
            {t('customer.restore')}
          </Button>
        ),
      },
    );
  }
  return columns;
}
