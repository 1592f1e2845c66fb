import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import type { SalesProcess } from '@guanxi/contract';
import { Alert, App, Button, Card, List, Popconfirm, Space, Spin, Steps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SalesProcessFormModal } from './SalesProcessFormModal';
import { useDeleteSalesProcess, useSalesProcesses } from './opportunities.queries';
import { useStageLabel } from './opportunityLabels';
import { NewButton } from '../../platform/ui/NewButton';

/** 销售流程 settings: one process per department plus the organization default. */
export default function SalesProcessSettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const stageLabel = useStageLabel();
  const processes = useSalesProcesses();
  const remove = useDeleteSalesProcess();
  const [editing, setEditing] = useState<{ process?: SalesProcess } | null>(null);

  if (processes.isPending) return <Spin />;
  if (processes.isError) return <Alert type="error" showIcon title={processes.error.message} />;

  return (
    <Card
      title={t('salesProcess.title')}
      extra={
        <NewButton type="primary" onClick={() => setEditing({})} data-testid="sales-process-new">
          {t('salesProcess.new')}
        </NewButton>
      }
    >
      <List
        dataSource={processes.data}
        renderItem={(process) => (
          <List.Item
            data-testid="sales-process"
            actions={[
              <Button
                key="edit"
                icon={<EditOutlined />}
                onClick={() => setEditing({ process })}
                aria-label={t('common.edit')}
              />,
              <Popconfirm
                key="delete"
                title={t('salesProcess.deleteConfirm')}
                okButtonProps={{ danger: true }}
                onConfirm={() =>
                  remove.mutateAsync(process.id).catch((error: Error) => void message.error(error.message))
                }
              >
                <Button danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
              </Popconfirm>,
            ]}
          >
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>{process.name}</Typography.Text>
                <Tag>{process.departmentName ?? t('salesProcess.defaultDepartment')}</Tag>
                {process.inUse && (
                  <Tag color="orange">{t('salesProcess.inUse', { count: process.opportunityCount })}</Tag>
                )}
              </Space>
              <Steps
                size="small"
                current={-1}
                responsive
                items={process.stages.map((s) => ({ title: stageLabel(s), description: `${s.probability}%` }))}
              />
            </Space>
          </List.Item>
        )}
      />
      <SalesProcessFormModal open={editing !== null} process={editing?.process} onClose={() => setEditing(null)} />
    </Card>
  );
}
