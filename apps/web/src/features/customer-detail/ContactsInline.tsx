import { MailOutlined, PhoneOutlined } from '@ant-design/icons';
import { Button, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCustomerContacts } from '../contacts';

/** The customer's contacts at a glance on the overview: name, title, phone and mail as links. */
export function ContactsInline({ customerId, onShowAll }: { customerId: string; onShowAll: () => void }) {
  const { t } = useTranslation();
  const contacts = useCustomerContacts(customerId);
  const items = [...(contacts.data?.items ?? [])].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
  return (
    <div data-testid="contacts-inline">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 4 }}>
        <Typography.Text strong>{t('customer360.contacts')}</Typography.Text>
        <Button type="link" size="small" onClick={onShowAll} style={{ paddingInline: 0 }}>
          {t('customer360.allContacts')}
        </Button>
      </Space>
      <List
        size="small"
        loading={contacts.isPending}
        dataSource={items.slice(0, 5)}
        locale={{ emptyText: t('customer360.noContacts') }}
        renderItem={(contact) => {
          const mobile = 'mobile' in contact ? contact.mobile : null;
          const email = 'email' in contact ? contact.email : null;
          return (
            <List.Item style={{ paddingInline: 0 }} data-testid="contact-inline">
              <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
                <Space size={4} wrap>
                  <Typography.Text>{contact.name}</Typography.Text>
                  {contact.title && <Typography.Text type="secondary">{contact.title}</Typography.Text>}
                  {contact.isPrimary && <Tag color="blue">{t('customer360.primary')}</Tag>}
                </Space>
                <Space size={12} wrap>
                  {mobile && (
                    <a href={`tel:${mobile.replace(/[^\d+]/g, '')}`}>
                      <PhoneOutlined /> {mobile}
                    </a>
                  )}
                  {email && (
                    <a href={`mailto:${email}`} style={{ wordBreak: 'break-all' }}>
                      <MailOutlined /> {email}
                    </a>
                  )}
                </Space>
              </Space>
            </List.Item>
          );
        }}
      />
    </div>
  );
}
