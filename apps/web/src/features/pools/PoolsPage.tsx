import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import type { CustomerPool } from '@guanxi/contract';
import { Alert, Button, Card, Col, Empty, Menu, Row, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useHasPermission } from '../../platform/session.queries';
import { PoolCustomersTable } from './PoolCustomersTable';
import { PoolSettingsDrawer } from './PoolSettingsDrawer';
import { usePools } from './pools.queries';

type Editing = { pool?: CustomerPool } | null;

/** 公海: the pools I can see on the left, the chosen pool's customers (to claim) on the right. */
export default function PoolsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { poolId } = useParams();
  const pools = usePools();
  const canManage = useHasPermission('pools.manage');
  const [editing, setEditing] = useState<Editing>(null);
  const items = pools.data ?? [];
  const current = items.find((pool) => pool.id === poolId) ?? items.find((pool) => pool.isDefault) ?? items[0];

  return (
    <Row gutter={16}>
      <Col xs={24} md={6}>
        <Card
          title={t('pool.list')}
          size="small"
          loading={pools.isPending}
          extra={
            canManage && (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="pool-new">
                {t('pool.new')}
              </Button>
            )
          }
          styles={{ body: { padding: 0 } }}
        >
          {pools.isError && <Alert type="error" showIcon title={pools.error.message} />}
          {pools.isSuccess && items.length === 0 && <Empty description={t('pool.empty')} style={{ padding: 16 }} />}
          <Menu
            mode="inline"
            selectedKeys={current ? [current.id] : []}
            onClick={({ key }) => void navigate(`/pools/${key}`)}
            data-testid="pool-list"
            items={items.map((pool) => ({
              key: pool.id,
              label: (
                <Space size={4}>
                  {pool.name}
                  {pool.isDefault && <Tag>{t('pool.isDefault')}</Tag>}
                </Space>
              ),
            }))}
          />
        </Card>
      </Col>
      <Col xs={24} md={18}>
        <Card
          title={current ? `${t('pool.customers')} · ${current.name}` : t('pool.customers')}
          extra={
            canManage &&
            current && (
              <Button
                icon={<SettingOutlined />}
                onClick={() => setEditing({ pool: current })}
                data-testid="pool-settings"
              >
                {t('pool.settings')}
              </Button>
            )
          }
        >
          {current ? (
            <PoolCustomersTable pool={current} />
          ) : (
            !pools.isPending && <Empty description={t('pool.choose')} />
          )}
        </Card>
      </Col>
      <PoolSettingsDrawer
        open={editing !== null}
        pool={editing?.pool}
        onClose={() => setEditing(null)}
        onCreated={(pool) => void navigate(`/pools/${pool.id}`)}
      />
    </Row>
  );
}
