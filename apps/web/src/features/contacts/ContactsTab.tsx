import { EditOutlined, StarOutlined } from '@ant-design/icons';
import { endpoints, type Contact } from '@guanxi/contract';
import { App, Button, Popconfirm, Space, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../../platform/session.queries';
import { ContactFormModal } from './ContactFormModal';
import { useCustomerContacts, useDeleteContact, useUpdateContact } from './contacts.queries';
import { QueryError } from '../../platform/ui/QueryResult';
import { ListTable } from '../../platform/ui/ListTable';
import { NewButton } from '../../platform/ui/NewButton';
import { ExportButton } from '../../platform/ui/ExportButton';
import { CustomFieldDescriptions, useHasCustomFieldDetails } from '../custom-fields';

/** The contacts of one customer: list, add, edit, make primary, delete. */
export function ContactsTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const contacts = useCustomerContacts(customerId);
  const update = useUpdateContact();
  const remove = useDeleteContact();
  const canCreate = useHasPermission('contacts.create');
  const canEdit = useHasPermission('contacts.edit');
  const canDelete = useHasPermission('contacts.delete');
  const hasCustomFields = useHasCustomFieldDetails('contact');
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const empty = t('common.empty');
  const failed = (error: Error) => void message.error(error.message);

  const makePrimary = (contact: Contact) =>
    update.mutate(
      { id: contact.id, body: { isPrimary: true, version: contact.version } },
      { onSuccess: () => void message.success(t('common.saved')), onError: failed },
    );

  const columns: TableColumnsType<Contact> = [
    {
      key: 'name',
      title: t('contact.name'),
      render: (_, c) => (
        <Space size={4} wrap>
          {c.name}
          {c.isPrimary && <Tag color="blue">{t('contact.isPrimary')}</Tag>}
          {c.isDecisionMaker && <Tag color="purple">{t('contact.isDecisionMaker')}</Tag>}
        </Space>
      ),
    },
    { key: 'title', title: t('contact.title'), render: (_, c) => c.title ?? empty },
    { key: 'mobile', title: t('contact.mobile'), render: (_, c) => ('mobile' in c ? (c.mobile ?? empty) : empty) },
    { key: 'email', title: t('contact.email'), render: (_, c) => ('email' in c ? (c.email ?? empty) : empty) },
    { key: 'wechat', title: t('contact.wechat'), render: (_, c) => ('wechat' in c ? (c.wechat ?? empty) : empty) },
  ];
  if (canEdit || canDelete) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      render: (_, c) => (
        <Space size={0} wrap>
          {canEdit && (
            <Button
              type="link"
              size="small"
              icon={<EditOutlined />}
              onClick={() => setEditing(c)}
              data-testid="contact-edit"
            >
              {t('common.edit')}
            </Button>
          )}
          {canEdit && !c.isPrimary && (
            <Button
              type="link"
              size="small"
              icon={<StarOutlined />}
              onClick={() => makePrimary(c)}
              data-testid="contact-set-primary"
            >
              {t('contact.setPrimary')}
            </Button>
          )}
          {canDelete && (
            <Popconfirm
              title={t('contact.deleteConfirm', { name: c.name })}
              onConfirm={() => remove.mutateAsync(c).catch(failed)}
            >
              <Button type="link" size="small" danger data-testid="contact-delete">
                {t('common.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    });
  }

  return (
    <>
      <QueryError query={contacts} />
      <Space style={{ marginBottom: 12 }} wrap>
        {canCreate && (
          <NewButton onClick={() => setEditing('new')} data-testid="contact-new">
            {t('contact.new')}
          </NewButton>
        )}
        <ExportButton endpoint={endpoints.contacts.export} query={{ customerId }} />
      </Space>
      <ListTable<Contact>
        columns={columns}
        rows={contacts.data?.items ?? []}
        loading={contacts.isPending}
        empty={t('contact.empty')}
        testId="contact-table"
        expandable={
          hasCustomFields
            ? {
                // A definite width: the table sizes to its content, and a 100%-wide list inside it
                // made the row a million pixels wide, pushing every column but the name off screen.
                expandedRowRender: (c) => (
                  <div style={{ maxWidth: 960 }}>
                    <CustomFieldDescriptions entity="contact" values={c.customFields} testId="contact-custom-fields" />
                  </div>
                ),
              }
            : undefined
        }
      />
      <ContactFormModal
        customerId={customerId}
        contact={editing === 'new' || editing === null ? undefined : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
