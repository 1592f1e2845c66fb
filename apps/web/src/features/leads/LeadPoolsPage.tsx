import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import type { LeadPool } from '@guanxi/contract';
import { Alert, Button, Card, Col, Empty, Menu, Row } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useHasPermission } from '../../platform/session.queries';
import { LeadPoolDrawer } from './LeadPoolDrawer';
import { LeadPoolLeadsTable } from './LeadPoolLeadsTable';
import { useLeadPools } from './leadPools.queries';

type Editing = { pool?: LeadPool } | null;

/** 线索池: the lead pools I belong to on the left, the chosen pool's unassigned leads on the right. */
export default function LeadPoolsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { poolId } = useParams();
  const pools = useLeadPools();
  const canManage = useHasPermission('leads.manage');
  const [editing, setEditing] = useState<Editing>(null);
  const items = pools.data ?? [];
  const current = items.find((pool) => pool.id === poolId) ?? items[0];

  return (
    <Row gutter={16}>
      <Col xs={24} md={6}>
        <Card
          title={t('leadPool.list')}
          size="small"
          loading={pools.isPending}
          extra={
            canManage && (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="lead-pool-new">
                {t('leadPool.new')}
              </Button>
            )
          }
          styles={{ body: { padding: 0 } }}
        >
          {pools.isError && <Alert type="error" showIcon title={pools.error.message} />}
          {pools.isSuccess && items.length === 0 && <Empty description={t('leadPool.empty')} style={{ padding: 16 }} />}
          <Menu
            mode="inline"
            selectedKeys={current ? [current.id] : []}
            onClick={({ key }) => void navigate(`/lead-pools/${key}`)}
            data-testid="lead-pool-list"
            items={items.map((pool) => ({ key: pool.id, label: pool.name }))}
          />
        </Card>
      </Col>
      <Col xs={24} md={18}>
        <Card
          title={current ? `${t('leadPool.leads')} · ${current.name}` : t('leadPool.leads')}
          extra={
            canManage &&
            current && (
              <Button
                icon={<SettingOutlined />}
                onClick={() => setEditing({ pool: current })}
                data-testid="lead-pool-settings"
              >
                {t('leadPool.settings')}
              </Button>
            )
          }
        >
          {current ? (
            <LeadPoolLeadsTable key={current.id} pool={current} />
          ) : (
            !pools.isPending && <Empty description={t('leadPool.choose')} />
          )}
        </Card>
      </Col>
      <LeadPoolDrawer
        open={editing !== null}
        pool={editing?.pool}
        onClose={() => setEditing(null)}
        onCreated={(pool) => void navigate(`/lead-pools/${pool.id}`)}
      />
    </Row>
  );
}
