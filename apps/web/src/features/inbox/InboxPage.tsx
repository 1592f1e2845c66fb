import { Card, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useHasPermission } from '../../platform/session.queries';
import { DoneTodos } from './DoneTodos';
import { InboxSections } from './InboxSections';

/**
 * The one to-do inbox: what needs doing, section by section, each item linking to its record; the
 * stored alerts are ticked done here, approvals are decided on their card. The done ones fold below.
 */
export default function InboxPage() {
  const { t } = useTranslation();
  const canSeeTasks = useHasPermission('tasks.view');
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card
        title={t('inbox.title')}
        extra={canSeeTasks ? <Link to="/tasks">{t('task.menu')}</Link> : null}
        styles={{ body: { padding: 12 } }}
      >
        <InboxSections limit={10} />
      </Card>
      <DoneTodos />
    </Space>
  );
}
