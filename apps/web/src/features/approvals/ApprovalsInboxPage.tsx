import {
  APPROVAL_BUSINESS_TYPES,
  APPROVAL_STATUSES,
  type ApprovalBox,
  type ApprovalBusinessType,
  type ApprovalRequestListItem,
  type ApprovalStatus,
} from '@guanxi/contract';
import { Button, Card, Empty, Form, Grid, Input, Select, Space, Tabs, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { useMe } from '../../platform/session.queries';
import { ApprovalDetailDrawer } from './ApprovalDetailDrawer';
import { ApprovalCardList } from './ApprovalCardList';
import { BatchApproveButton } from './BatchApprove';
import { approvalEntityPath } from './approvalLinks';
import { useApprovals, useDecideApproval } from './approvals.queries';
import { StatusTag } from './StatusTag';
import { QueryError } from '../../platform/ui/QueryResult';
import { ListTable } from '../../platform/ui/ListTable';
import { FormModal } from '../../platform/ui/FormModal';

type Decision = { id: string; action: 'approve' | 'reject' };

function DecisionModal({ value, onClose }: { value: Decision | null; onClose: () => void }) {
  const { t, message, form, showServerErrors: showErrors } = useEditForm<{ comment?: string }>();
  const decide = useDecideApproval();
  const isReject = value?.action === 'reject';

  const submit = ({ comment }: { comment?: string }) => {
    if (!value) return;
    const trimmed = comment?.trim();
    decide.mutate(
      { id: value.id, action: value.action, ...(trimmed ? { comment: trimmed } : {}) },
      {
        onSuccess: () => {
          void message.success(isReject ? t('approvalInbox.rejected') : t('approvalInbox.approved'));
          onClose();
        },
        onError: showErrors,
      },
    );
  };

  return (
    <FormModal
      form={form}
      open={value !== null}
      title={isReject ? t('approvalInbox.reject') : t('approvalInbox.approve')}
      onClose={onClose}
      danger={isReject}
      okTestId="approval-submit"
      saving={decide.isPending}
    >
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          name="comment"
          label={t('approvalInbox.comment')}
          rules={isReject ? [{ required: true, whitespace: true, message: t('approvalInbox.commentRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="approval-comment" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** The approvals inbox for everyone: what I must decide, what I submitted, what I decided (all, for administrators). */
export default function ApprovalsInboxPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const canManage = me.data?.permissions.includes('approvals.manage') ?? false;
  const box = (params.get('box') as ApprovalBox | null) ?? 'todo';
  const openId = params.get('open');
  const [businessType, setBusinessType] = useState<ApprovalBusinessType | undefined>();
  const [status, setStatus] = useState<ApprovalStatus | undefined>();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [selected, setSelected] = useState<ApprovalRequestListItem[]>([]);
  const narrow = !Grid.useBreakpoint().md;
  const list = useApprovals({ box, ...(businessType ? { businessType } : {}), ...(status ? { status } : {}) });

  const setParam = (key: string, value: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value === null) next.delete(key);
      else next.set(key, value);
      return next;
    });

  const columns: TableColumnsType<ApprovalRequestListItem> = [
    {
      key: 'title',
      title: t('approvalInbox.titleColumn'),
      render: (_, r) => (
        <a onClick={() => setParam('open', r.id)} data-testid="approval-open">
          {r.title}
        </a>
      ),
    },
    {
      key: 'type',
      title: t('approvalInbox.type'),
      width: 140,
      render: (_, r) => t(`approvalFlow.types.${r.businessType}`),
    },
    {
      key: 'customer',
      title: t('approvalInbox.customer'),
      render: (_, r) => {
        const path = approvalEntityPath(r);
        return r.customerId ? (
          <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link>
        ) : path ? (
          <Link to={path}>{t('approvalInbox.openEntity')}</Link>
        ) : null;
      },
    },
    { key: 'submitter', title: t('approvalInbox.submitter'), width: 120, render: (_, r) => r.submitter.displayName },
    { key: 'step', title: t('approvalInbox.currentStep'), width: 120, render: (_, r) => r.currentStepName ?? '—' },
    { key: 'status', title: t('approvalInbox.status'), width: 100, render: (_, r) => <StatusTag status={r.status} /> },
    {
      key: 'submittedAt',
      title: t('approvalInbox.submittedAt'),
      width: 150,
      render: (_, r) => dayjs(r.submittedAt).format('YYYY-MM-DD HH:mm'),
    },
  ];
  if (box === 'todo') {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 160,
      render: (_, r) => (
        <Space>
          <Button
            size="small"
            type="primary"
            onClick={() => setDecision({ id: r.id, action: 'approve' })}
            data-testid="approval-approve"
          >
            {t('approvalInbox.approve')}
          </Button>
          <Button
            size="small"
            danger
            onClick={() => setDecision({ id: r.id, action: 'reject' })}
            data-testid="approval-reject"
          >
            {t('approvalInbox.reject')}
          </Button>
        </Space>
      ),
    });
  }

  const tabs: { key: ApprovalBox; label: string }[] = [
    { key: 'todo', label: t('approvalInbox.tabs.todo') },
    { key: 'submitted', label: t('approvalInbox.tabs.submitted') },
    { key: 'decided', label: t('approvalInbox.tabs.decided') },
    ...(canManage ? [{ key: 'all' as const, label: t('approvalInbox.tabs.all') }] : []),
  ];

  // An empty box says what would come here and why, not just "none".
  const empty = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <span data-testid="approvals-empty" style={{ display: 'inline-block', maxWidth: 560 }}>
          {businessType || status ? t('approvalInbox.emptyFiltered') : t(`approvalInbox.emptyByBox.${box}`)}
        </span>
      }
    />
  );

  return (
    <Card title={t('approvalInbox.title')}>
      <Tabs
        activeKey={box}
        items={tabs}
        onChange={(key) => {
          setSelected([]);
          setParam('box', key);
        }}
      />
      <Space style={{ marginBottom: 16 }} wrap>
        <Select<ApprovalBusinessType>
          allowClear
          placeholder={t('approvalInbox.allTypes')}
          style={{ width: 180 }}
          value={businessType}
          onChange={setBusinessType}
          options={APPROVAL_BUSINESS_TYPES.map((type) => ({ value: type, label: t(`approvalFlow.types.${type}`) }))}
          data-testid="approval-filter-type"
        />
        {box === 'todo' && <BatchApproveButton rows={selected} onDone={() => setSelected([])} />}
        {box !== 'todo' && (
          <Select<ApprovalStatus>
            allowClear
            placeholder={t('approvalInbox.allStatuses')}
            style={{ width: 140 }}
            value={status}
            onChange={setStatus}
            options={APPROVAL_STATUSES.map((s) => ({ value: s, label: t(`approvalInbox.statuses.${s}`) }))}
          />
        )}
      </Space>
      <QueryError query={list} />
      {narrow ? (
        <ApprovalCardList
          pages={list}
          selectable={box === 'todo'}
          selected={selected}
          onSelect={setSelected}
          onOpen={(id) => setParam('open', id)}
          empty={empty}
        />
      ) : (
        <ListTable
          columns={columns}
          pages={list}
          empty={empty}
          testId="approval-table"
          // Pending rows waiting for me can be approved together (simple cases); each gets its outcome.
          rowSelection={
            box === 'todo'
              ? {
                  selectedRowKeys: selected.map((r) => r.id),
                  onChange: (_, rows) => setSelected(rows),
                  getCheckboxProps: (r) => ({ 'aria-label': r.title }) as never,
                }
              : undefined
          }
        />
      )}
      {list.hasNextPage && (
        <Button style={{ marginTop: 16 }} onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('approvalInbox.loadMore')}
        </Button>
      )}
      <ApprovalDetailDrawer id={openId} onClose={() => setParam('open', null)} />
      <DecisionModal value={decision} onClose={() => setDecision(null)} />
    </Card>
  );
}
