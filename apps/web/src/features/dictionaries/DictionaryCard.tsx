import { ArrowDownOutlined, ArrowUpOutlined, EditOutlined } from '@ant-design/icons';
import type { DictionaryEntry, DictionaryKind } from '@guanxi/contract';
import { App, Button, Card, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDictionary, useEntryName } from '../../platform/dictionaries';
import { NewButton } from '../../platform/ui/NewButton';
import { DictionaryEntryModal } from './DictionaryEntryModal';
import { useReorderDictionary, useSaveDictionaryEntry } from './dictionaries.queries';

/** One dictionary: its entries in order, each renamed, moved or (de)activated in place. */
export function DictionaryCard({ kind }: { kind: DictionaryKind }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { entries, isPending } = useDictionary(kind);
  const nameOf = useEntryName();
  const save = useSaveDictionaryEntry(kind);
  const reorder = useReorderDictionary(kind);
  const [editing, setEditing] = useState<{ entry?: DictionaryEntry } | null>(null);
  const failed = (error: Error) => void message.error(error.message);
  // The other language's name, labelled, so an admin sees both at a glance.
  const otherName = (entry: DictionaryEntry) =>
    i18n.language === 'en'
      ? t('dictionary.otherName', { label: t('dictionary.nameZh'), name: entry.nameZh })
      : t('dictionary.otherName', { label: t('dictionary.nameEn'), name: entry.nameEn });

  const toggle = (entry: DictionaryEntry) =>
    save.mutate(
      { code: entry.code, body: { active: !entry.active, version: entry.version } },
      {
        onSuccess: () =>
          void message.success(
            t(entry.active ? 'dictionary.deactivated' : 'dictionary.activated', { name: nameOf(entry) }),
          ),
        onError: failed,
      },
    );
  const move = (index: number, by: -1 | 1) => {
    const codes = entries.map((entry) => entry.code);
    [codes[index], codes[index + by]] = [codes[index + by]!, codes[index]!];
    reorder.mutate(codes, { onError: failed });
  };

  return (
    <Card
      title={t(`dictionary.kinds.${kind}`)}
      extra={
        <NewButton type="primary" onClick={() => setEditing({})} data-testid={`dictionary-new-${kind}`}>
          {t('dictionary.add')}
        </NewButton>
      }
    >
      <Typography.Paragraph type="secondary">{t(`dictionary.kindHints.${kind}`)}</Typography.Paragraph>
      <List
        loading={isPending || reorder.isPending}
        dataSource={entries}
        locale={{ emptyText: t('dictionary.empty') }}
        renderItem={(entry, index) => (
          <List.Item
            data-testid="dictionary-entry"
            actions={[
              <Button
                key="up"
                size="small"
                icon={<ArrowUpOutlined />}
                disabled={index === 0}
                onClick={() => move(index, -1)}
                aria-label={t('dictionary.moveUp')}
                title={t('dictionary.moveUp')}
              />,
              <Button
                key="down"
                size="small"
                icon={<ArrowDownOutlined />}
                disabled={index === entries.length - 1}
                onClick={() => move(index, 1)}
                aria-label={t('dictionary.moveDown')}
                title={t('dictionary.moveDown')}
              />,
              <Button
                key="edit"
                size="small"
                icon={<EditOutlined />}
                onClick={() => setEditing({ entry })}
                aria-label={t('dictionary.edit')}
                title={t('dictionary.edit')}
                data-testid="dictionary-entry-edit"
              />,
              <Button
                key="toggle"
                size="small"
                danger={entry.active}
                onClick={() => toggle(entry)}
                data-testid="dictionary-entry-toggle"
              >
                {entry.active ? t('dictionary.deactivate') : t('dictionary.activate')}
              </Button>,
            ]}
          >
            <Space wrap size={[8, 0]}>
              <Typography.Text strong delete={!entry.active} data-testid="dictionary-entry-name">
                {nameOf(entry)}
              </Typography.Text>
              <Typography.Text type="secondary">{otherName(entry)}</Typography.Text>
              {!entry.active && <Tag>{t('dictionary.inactive')}</Tag>}
            </Space>
          </List.Item>
        )}
      />
      {editing && <DictionaryEntryModal kind={kind} entry={editing.entry} open onClose={() => setEditing(null)} />}
    </Card>
  );
}
