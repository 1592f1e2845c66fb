import { SettingOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Menu, Row } from 'antd';
import { useState, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { NewButton } from '../ui/NewButton';

/** What a pool needs to be listed: the rest belongs to its kind (lead or customer). */
export interface PoolSummary {
  id: string;
  name: string;
}

/** The texts of one kind of pool, already translated. */
export interface PoolPageTexts {
  list: string;
  new: string;
  empty: string;
  /** Title of the right-hand card (the pool's records). */
  records: string;
  settings: string;
  choose: string;
}

/** How a kind's settings drawer opens: `pool` absent to create one. */
export interface PoolDrawerSlot<P> {
  open: boolean;
  pool?: P;
  onClose: () => void;
  onCreated: (pool: P) => void;
}

interface PoolPageShellProps<P extends PoolSummary> {
  pools: UseQueryResult<P[]>;
  /** The route of the page; a pool's own page is `${basePath}/${id}`. */
  basePath: string;
  /** Prefix of the test ids: `${prefix}-new`, `${prefix}-list`, `${prefix}-settings`. */
  testIdPrefix: string;
  texts: PoolPageTexts;
  /** Whoever manages this kind of pool creates pools and opens their settings. */
  canManage: boolean;
  /** The pool shown when the route names none (or one the caller cannot see); default: the first. */
  fallbackPool?: (pools: P[]) => P | undefined;
  menuLabel?: (pool: P) => ReactNode;
  /** The chosen pool's records (leads to claim, customers to claim). */
  records: (pool: P) => ReactNode;
  drawer: (slot: PoolDrawerSlot<P>) => ReactNode;
}

/**
 * A pool page of either kind: the pools the caller belongs to on the left, the chosen pool's records
 * on the right, and for managers a drawer to create a pool or change one's settings.
 */
export function PoolPageShell<P extends PoolSummary>({
  pools,
  basePath,
  testIdPrefix,
  texts,
  canManage,
  fallbackPool = (items) => items[0],
  menuLabel = (pool) => pool.name,
  records,
  drawer,
}: PoolPageShellProps<P>) {
  const navigate = useNavigate();
  const { poolId } = useParams();
  const [editing, setEditing] = useState<{ pool?: P } | null>(null);
  const items = pools.data ?? [];
  const current = items.find((pool) => pool.id === poolId) ?? fallbackPool(items);

  return (
    <Row gutter={16}>
      <Col xs={24} md={6}>
        <Card
          title={texts.list}
          size="small"
          loading={pools.isPending}
          extra={
            canManage && (
              <NewButton size="small" onClick={() => setEditing({})} data-testid={`${testIdPrefix}-new`}>
                {texts.new}
              </NewButton>
            )
          }
          styles={{ body: { padding: 0 } }}
        >
          {pools.isError && <Alert type="error" showIcon title={pools.error.message} />}
          {pools.isSuccess && items.length === 0 && <Empty description={texts.empty} style={{ padding: 16 }} />}
          <Menu
            mode="inline"
            selectedKeys={current ? [current.id] : []}
            onClick={({ key }) => void navigate(`${basePath}/${key}`)}
            data-testid={`${testIdPrefix}-list`}
            items={items.map((pool) => ({ key: pool.id, label: menuLabel(pool) }))}
          />
        </Card>
      </Col>
      <Col xs={24} md={18}>
        <Card
          title={current ? `${texts.records} · ${current.name}` : texts.records}
          extra={
            canManage &&
            current && (
              <Button
                icon={<SettingOutlined />}
                onClick={() => setEditing({ pool: current })}
                data-testid={`${testIdPrefix}-settings`}
              >
                {texts.settings}
              </Button>
            )
          }
        >
          {current ? records(current) : !pools.isPending && <Empty description={texts.choose} />}
        </Card>
      </Col>
      {drawer({
        open: editing !== null,
        pool: editing?.pool,
        onClose: () => setEditing(null),
        onCreated: (pool) => void navigate(`${basePath}/${pool.id}`),
      })}
    </Row>
  );
}
