import { DICTIONARY_CODE_PATTERN, type DictionaryEntry, type DictionaryKind } from '@guanxi/contract';
import { Form, Input } from 'antd';
import { FormModal } from '../../platform/ui/FormModal';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { useSaveDictionaryEntry } from './dictionaries.queries';

interface EntryForm {
  nameZh: string;
  nameEn: string;
  code?: string;
}

/** Adds an entry to one dictionary (code optional) or renames one (its code stays). */
export function DictionaryEntryModal({
  kind,
  entry,
  open,
  onClose,
}: {
  kind: DictionaryKind;
  entry?: DictionaryEntry;
  open: boolean;
  onClose: () => void;
}) {
  const { t, message, form, showServerErrors } = useEditForm<EntryForm>();
  const save = useSaveDictionaryEntry(kind);
  const submit = ({ nameZh, nameEn, code }: EntryForm) => {
    const names = { nameZh: nameZh.trim(), nameEn: nameEn.trim() };
    save.mutate(
      entry
        ? { code: entry.code, body: { ...names, version: entry.version } }
        : { body: { ...names, ...(code?.trim() ? { code: code.trim() } : {}) } },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: showServerErrors,
      },
    );
  };
  return (
    <FormModal
      open={open}
      form={form}
      saving={save.isPending}
      onClose={onClose}
      okTestId="dictionary-entry-save"
      title={entry ? t('dictionary.edit') : t('dictionary.add')}
    >
      <Form<EntryForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ nameZh: entry?.nameZh, nameEn: entry?.nameEn }}
      >
        <Form.Item name="nameZh" label={t('dictionary.nameZh')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={32} data-testid="dictionary-entry-name-zh" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('dictionary.nameEn')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={48} data-testid="dictionary-entry-name-en" />
        </Form.Item>
        {!entry && (
          <Form.Item
            name="code"
            label={t('dictionary.code')}
            extra={t('dictionary.codeHint')}
            rules={[{ pattern: new RegExp(DICTIONARY_CODE_PATTERN), message: t('dictionary.codeRule') }]}
          >
            <Input maxLength={32} data-testid="dictionary-entry-code" />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}
