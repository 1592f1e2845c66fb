import { InboxOutlined } from '@ant-design/icons';
import { IMPORT_KINDS, type ImportKindName } from '@guanxi/contract';
import { Alert, Form, Select, Spin, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useImportKinds, useUploadImport } from './imports.queries';

const ACCEPT = '.csv,.tsv,.txt,.xlsx';

const isKind = (value: string | null): value is ImportKindName =>
  value !== null && (IMPORT_KINDS as readonly string[]).includes(value);

/** Step 1: what the file imports, then the file; the upload answers the detected job. */
export function UploadStep({ initialKind }: { initialKind: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const kinds = useImportKinds();
  const upload = useUploadImport();
  const [kind, setKind] = useState<ImportKindName | undefined>(isKind(initialKind) ? initialKind : undefined);
  const available = kinds.data?.items ?? [];
  // The server's limit (UPLOAD_MAX_MB); a larger file is still refused there with its own message.
  const maxMb = Math.round((kinds.data?.maxUploadBytes ?? 0) / (1024 * 1024));
  // A kind named in the link but not allowed to this user is not offered.
  const chosen = available.some((info) => info.kind === kind) ? kind : undefined;

  if (kinds.isPending) return <Spin />;
  if (available.length === 0) return <Alert type="info" showIcon title={t('imports.upload.noKinds')} />;

  const send = (file: File) => {
    if (chosen === undefined) return;
    upload.mutate(
      { file, kind: chosen },
      { onSuccess: (job) => void navigate(`/imports/${job.id}`, { replace: true }) },
    );
  };

  return (
    <Form layout="vertical" style={{ maxWidth: 640 }}>
      <Form.Item label={t('imports.upload.kind')} required>
        <Select<ImportKindName>
          value={chosen}
          onChange={setKind}
          placeholder={t('imports.upload.kindPlaceholder')}
          options={available.map((info) => ({ value: info.kind, label: t(`imports.kind.${info.kind}`) }))}
          data-testid="import-kind"
        />
      </Form.Item>
      {upload.isError && <Alert type="error" showIcon title={upload.error.message} style={{ marginBottom: 16 }} />}
      <Spin spinning={upload.isPending} description={t('imports.upload.uploading')}>
        {/* antd hands a data-testid on to the hidden input; the box around it is what a user sees. */}
        <div data-testid="import-file">
          <Upload.Dragger
            accept={ACCEPT}
            multiple={false}
            showUploadList={false}
            disabled={chosen === undefined || upload.isPending}
            beforeUpload={(file) => {
              send(file);
              // The upload goes through the API client (session, language, CSRF header), not antd's.
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">
              {chosen === undefined ? t('imports.upload.chooseKindFirst') : t('imports.upload.drop')}
            </p>
            <p className="ant-upload-hint">{t('imports.upload.dropHint', { mb: maxMb })}</p>
          </Upload.Dragger>
        </div>
      </Spin>
    </Form>
  );
}
