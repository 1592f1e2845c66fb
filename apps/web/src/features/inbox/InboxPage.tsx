import { Card, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { InboxSections } from './InboxSections';

/** The to-do inbox: what needs doing today, section by section, each item linking to its record. */
export default function InboxPage() {
  const { t } = useTranslation();
  return (
    <Card
      title={t('inbox.title')}
      extra={
        <Space wrap>
          <Link to="/tasks">{t('task.menu')}</Link>
          <Link to="/todos">{t('inbox.storedTodos')}</Link>
        </Space>
      }
      styles={{ body: { padding: 12 } }}
    >
      <InboxSections limit={10} />
    </Card>
  );
}
