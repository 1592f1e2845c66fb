import type { Customer, CustomerSort } from '@guanxi/contract';
import { Button, Tag, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../platform/session.queries';
import { fieldAccess } from './customerFields';
import { PHASE_COLORS } from './customerOptions';

const STAGE_COLORS: Record<Customer['stage'], string> = {
  prospect: 'default',
  interested: 'blue',
  first_purchase: 'green',
  repeat: 'gold',
  lost: 'red',
};

const sortOrder = (sort: CustomerSort | undefined, field: string) =>
  sort === field ? ('ascend' as const) : sort === `-${field}` ? ('descend' as const) : null;

const formatTime = (value: string | null) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '');

export function useCustomerColumns(options: {
  sort?: CustomerSort;
  isTrash: boolean;
  onRestore: (customer: Customer) => void;
  restoringId?: string;
}): TableColumnsType<Customer> {
  const { t } = useTranslation();
  const permissions = useMe().data?.fieldPermissions ?? {};
  const { sort, isTrash } = options;
  const empty = t('common.empty');

  const columns: TableColumnsType<Customer> = [
    {
      key: 'customerNo',
      dataIndex: 'customerNo',
      title: t('customer.customerNo'),
      sorter: true,
      sortOrder: sortOrder(sort, 'customerNo'),
      width: 140,
    },
    {
      key: 'name',
      dataIndex: 'name',
      title: t('customer.name'),
      sorter: true,
      sortOrder: sortOrder(sort, 'name'),
      ellipsis: true,
      width: 260,
    },
    {
      key: 'kind',
      dataIndex: 'kind',
      title: t('customer.kind'),
      width: 80,
      render: (kind: Customer['kind']) => t(`kind.${kind}`),
    },
    {
      key: 'stage',
      dataIndex: 'stage',
      title: t('customer.stage'),
      width: 140,
      render: (stage: Customer['stage']) => <Tag color={STAGE_COLORS[stage]}>{t(`stage.${stage}`)}</Tag>,
    },
    {
      key: 'daysInStage',
      dataIndex: 'daysInStage',
      title: t('customer.daysInStageShort'),
      sorter: true,
      sortOrder: sortOrder(sort, 'daysInStage'),
      align: 'end',
      width: 120,
      render: (count: number, customer) => (
        <span title={dayjs(customer.stageEnteredAt).format('YYYY-MM-DD HH:mm')}>{t('customer.days', { count })}</span>
      ),
    },
    {
      key: 'relationshipPhase',
      dataIndex: 'relationshipPhase',
      title: t('customer.relationshipPhase'),
      width: 110,
      render: (phase: Customer['relationshipPhase']) =>
        phase ? <Tag color={PHASE_COLORS[phase]}>{t(`relationship.phases.${phase}`)}</Tag> : empty,
    },
    {
      key: 'tier',
      dataIndex: 'tier',
      title: t('customer.tier'),
      width: 110,
      render: (tier: Customer['tier']) => (tier ? t(`tier.${tier}`) : empty),
    },
    {
      key: 'source',
      dataIndex: 'source',
      title: t('customer.source'),
      width: 120,
      render: (source: Customer['source']) => (source ? t(`source.${source}`) : empty),
    },
  ];
  if (fieldAccess(permissions, 'phone') !== 'hidden') {
    columns.push({
      key: 'phone',
      dataIndex: 'phone',
      title: t('customer.phone'),
      width: 140,
      render: (phone?: string | null) => phone ?? empty,
    });
  }
  columns.push(
    {
      key: 'city',
      dataIndex: 'city',
      title: t('customer.city'),
      width: 100,
      render: (city: string | null) => city ?? empty,
    },
    {
      key: 'owner',
      dataIndex: 'ownerName',
      title: t('customer.owner'),
      width: 110,
      render: (name: string | null) => name ?? t('customer.inPool'),
    },
    {
      key: 'updatedAt',
      dataIndex: 'updatedAt',
      title: t('customer.updatedAt'),
      sorter: true,
      sortOrder: sortOrder(sort, 'updatedAt'),
      width: 160,
      render: formatTime,
    },
    {
      key: 'createdAt',
      dataIndex: 'createdAt',
      title: t('customer.createdAt'),
      sorter: true,
      sortOrder: sortOrder(sort, 'createdAt'),
      width: 160,
      render: formatTime,
    },
  );
  if (isTrash) {
    columns.push(
      { key: 'deletedAt', dataIndex: 'deletedAt', title: t('customer.deletedAt'), width: 160, render: formatTime },
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
