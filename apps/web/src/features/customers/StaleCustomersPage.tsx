import { CloseCircleOutlined, InboxOutlined } from '@ant-design/icons';
import type { BulkCustomerResult, Customer } from '@guanxi/contract';
import { Button, Card, InputNumber, Space, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useHasPermission } from '../../platform/session.queries';
import { BackTitle } from '../../platform/ui/BackTitle';
import { StaleActionModal } from './StaleActionModal';
import { StaleResultSummary } from './StaleResultSummary';
import { DEFAULT_STALE_DAYS, useStaleCustomers, type StaleAction } from './stale.queries';
import { PagedTable } from '../../platform/ui/PagedTable';

const readDays = (value: string | null) => {
  const days = Number(value);
  return Number.isInteger(days) && days >= 1 && days <= 3650 ? days : DEFAULT_STALE_DAYS;
};

function useStaleColumns(): TableColumnsType<Customer> {
  const { t } = useTranslation();
  return [
    { key: 'customerNo', dataIndex: 'customerNo', title: t('customer.customerNo'), width: 140 },
    {
      key: 'name',
      dataIndex: 'name',
      title: t('customer.name'),
      ellipsis: true,
      render: (name: string, customer) => <Link to={`/customers/${customer.id}`}>{name}</Link>,
    },
    {
      key: 'stage',
      dataIndex: 'stage',
      title: t('customer.stage'),
      width: 150,
      render: (stage: Customer['stage']) => <Tag>{t(`stage.${stage}`)}</Tag>,
    },
    {
      key: 'owner',
      dataIndex: 'ownerName',
      title: t('customer.owner'),
      width: 120,
      render: (name: string | null) => name ?? t('customer.inPool'),
    },
    {
      key: 'updatedAt',
      dataIndex: 'updatedAt',
      title: t('customer.updatedAt'),
      width: 170,
      render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
    },
  ];
}

/** Stale cleanup (domain §2): neglected customers, bulk return to pool or mark lost with a reason. */
export default function StaleCustomersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const days = readDays(searchParams.get('days'));
  const [draftDays, setDraftDays] = useState<number | null>(days);
  const [selected, setSelected] = useState<string[]>([]);
  const [action, setAction] = useState<StaleAction | null>(null);
  const [outcome, setOutcome] = useState<{ result: BulkCustomerResult; names: Record<string, string> } | null>(null);
  const canReturn = useHasPermission('pools.claim');
  const canMarkLost = useHasPermission('lifecycle.move');
  const stale = useStaleCustomers(days);
  const columns = useStaleColumns();

  const rows = stale.data?.pages.flatMap((page) => page.items) ?? [];
  const total = stale.data?.pages[0]?.total;

  const applyDays = () => {
    const next = draftDays ?? DEFAULT_STALE_DAYS;
    setDraftDays(next);
    if (next === days) return;
    setSelected([]);
    setSearchParams(next === DEFAULT_STALE_DAYS ? {} : { days: String(next) }, { replace: true });
  };

  const onDone = (result: BulkCustomerResult) => {
    const names = Object.fromEntries(rows.filter((row) => selected.includes(row.id)).map((row) => [row.id, row.name]));
    setOutcome({ result, names });
    // Records that failed stay selected, so the user can retry or look at them.
    const failed = new Set(result.failed.map((row) => row.id));
    setSelected((ids) => ids.filter((id) => failed.has(id)));
  };

  return (
    <Card title={<BackTitle onBack={() => void navigate('/customers')}>{t('stale.title')}</BackTitle>}>
      <Typography.Paragraph type="secondary">{t('stale.intro')}</Typography.Paragraph>
      {outcome && <StaleResultSummary result={outcome.result} names={outcome.names} onClose={() => setOutcome(null)} />}
      <Space wrap style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 16 }}>
        <Space>
          {t('stale.days')}
          <InputNumber
            min={1}
            max={3650}
            precision={0}
            value={draftDays}
            onChange={setDraftDays}
            onPressEnter={applyDays}
            onBlur={applyDays}
            suffix={t('stale.daysSuffix')}
            style={{ width: 130 }}
            data-testid="stale-days"
          />
          {selected.length > 0 && (
            <Typography.Text type="secondary">{t('stale.selected', { count: selected.length })}</Typography.Text>
          )}
        </Space>
        <Space>
          {canReturn && (
            <Button
              icon={<InboxOutlined />}
              disabled={selected.length === 0}
              onClick={() => setAction('return-to-pool')}
              data-testid="stale-return"
            >
              {t('stale.returnToPool')}
            </Button>
          )}
          {canMarkLost && (
            <Button
              danger
              icon={<CloseCircleOutlined />}
              disabled={selected.length === 0}
              onClick={() => setAction('mark-lost')}
              data-testid="stale-mark-lost"
            >
              {t('stale.markLost')}
            </Button>
          )}
        </Space>
      </Space>
      <PagedTable
        pages={stale}
        columns={columns}
        empty={t('stale.empty')}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys.map(String).slice(0, 200)),
          preserveSelectedRowKeys: false,
        }}
        boxTestId="stale-table"
        noMore={false}
        total={
          <Typography.Text type="secondary" data-testid="stale-total">
            {total !== undefined && t('common.total', { count: total })}
          </Typography.Text>
        }
      />
      <StaleActionModal action={action} customerIds={selected} onClose={() => setAction(null)} onDone={onDone} />
    </Card>
  );
}
