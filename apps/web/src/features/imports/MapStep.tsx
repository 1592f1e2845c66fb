import type { ImportField, ImportJob, ImportMapping } from '@guanxi/contract';
import { Alert, App, Button, Card, Col, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ColumnMappingList } from './ColumnMappingList';
import { ImportRules, ownerRule, type OwnerDraft } from './ImportRules';
import { missingRequired, refusedEnumValues, withMatchedValues } from './importMapping';
import { useCheckImport, useImportErrors, useSaveImportMapping } from './imports.queries';
import { TemplateBar } from './TemplateBar';
import { ValueMaps } from './ValueMaps';

const ownerDraft = (mapping: ImportMapping): OwnerDraft => mapping.owner;

/**
 * The owner rule to start from: the saved one; for a fresh suggestion whose file has an owner column
 * (recognized), that column rather than the importer the server proposes.
 */
function initialOwner(job: ImportJob, fields: readonly ImportField[]): OwnerDraft {
  const ownerField = fields.find((field) => field.type === 'user');
  if (!job.mappingSaved && ownerField && ownerField.key in job.mapping.columns) return { mode: 'column' };
  return ownerDraft(job.mapping);
}

/**
 * Step 3: which field each column becomes (the server's suggestions filled in), the value maps of
 * enumerations, dates, duplicates and owners; "next" saves the mapping and starts the dry run.
 */
export function MapStep({
  job,
  fields,
  onBack,
  onChecked,
}: {
  job: ImportJob;
  fields: readonly ImportField[];
  onBack: () => void;
  onChecked: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [mapping, setMapping] = useState<ImportMapping>(job.mapping);
  const [owner, setOwner] = useState<OwnerDraft>(() => initialOwner(job, fields));
  const [isSaved, setSaved] = useState(job.mappingSaved);
  const save = useSaveImportMapping(job.id);
  const check = useCheckImport(job.id);
  const missing = missingRequired(fields, mapping);
  // Enumeration values beyond the first rows reach the value map through the dry run's refusals.
  const errors = useImportErrors(job.id, 'check', 200, (job.checkSummary?.errors ?? 0) > 0);
  const refused = refusedEnumValues({ errors: errors.data ?? [], fields, mapping: job.mapping });
  const rule = ownerRule(owner);
  const complete = (): ImportMapping =>
    withMatchedValues({ fields, columns: job.columns, mapping: { ...mapping, owner: rule ?? { mode: 'column' } } });

  const edit = (next: ImportMapping) => {
    setMapping(next);
    setSaved(false);
  };
  const next = async () => {
    try {
      await save.mutateAsync(complete());
      await check.mutateAsync(undefined);
      onChecked();
    } catch (error) {
      void message.error((error as Error).message);
    }
  };
  // A required enumeration no column fills (e.g. company or person) can take one value for every row.
  const setConstant = (field: ImportField, value: string | undefined) => {
    const constants = { ...mapping.constants };
    if (value === undefined) delete constants[field.key];
    else constants[field.key] = value;
    edit({ ...mapping, constants });
  };
  const constantFields = fields.filter(
    (field) => field.required && field.type === 'enum' && !(field.key in mapping.columns),
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph style={{ margin: 0 }}>{t('imports.map.intro')}</Typography.Paragraph>
      <TemplateBar
        job={job}
        mapping={complete}
        onApplied={(applied) => {
          setMapping(applied.mapping);
          setOwner(ownerDraft(applied.mapping));
          setSaved(true);
        }}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <ColumnMappingList
            columns={job.columns}
            fields={fields}
            mapping={mapping}
            suggested={job.mapping}
            isSaved={isSaved}
            onChange={edit}
          />
        </Col>
        <Col xs={24} lg={10}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {constantFields.length > 0 && (
              <Card size="small" title={t('imports.map.constants')}>
                {constantFields.map((field) => (
                  <div key={field.key} style={{ marginBottom: 8 }}>
                    <Typography.Paragraph style={{ marginBottom: 4 }}>
                      {t('imports.map.constantIntro', { field: field.label })}
                    </Typography.Paragraph>
                    <Select
                      allowClear
                      value={mapping.constants[field.key]}
                      onChange={(value?: string) => setConstant(field, value)}
                      options={field.options}
                      placeholder={t('imports.map.valueAs')}
                      style={{ width: '100%', maxWidth: 280 }}
                      data-testid="import-constant"
                    />
                  </div>
                ))}
              </Card>
            )}
            <ValueMaps columns={job.columns} fields={fields} mapping={mapping} refused={refused} onChange={edit} />
            <ImportRules
              fields={fields}
              mapping={mapping}
              onChange={edit}
              owner={owner}
              onOwnerChange={(draft) => {
                setOwner(draft);
                setSaved(false);
              }}
            />
          </Space>
        </Col>
      </Row>
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('imports.map.missing', {
            fields: missing.map((field) => field.label).join(t('imports.map.listSeparator')),
          })}
          data-testid="import-missing"
        />
      )}
      {rule === null && <Alert type="warning" showIcon title={t('imports.map.ownerRequired')} />}
      <Space wrap>
        <Button onClick={onBack}>{t('imports.map.back')}</Button>
        <Button
          type="primary"
          disabled={missing.length > 0 || rule === null}
          loading={save.isPending || check.isPending}
          onClick={() => void next()}
          data-testid="import-map-next"
        >
          {t('imports.map.next')}
        </Button>
      </Space>
    </Space>
  );
}
