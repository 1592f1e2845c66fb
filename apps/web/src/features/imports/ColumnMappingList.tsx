import type { ImportColumn, ImportField, ImportMapping } from '@guanxi/contract';
import { Col, List, Row, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { assignColumn, columnTitle, fieldForColumn, isSuggestion } from './importMapping';

/** Where "skip this column" sits among the field choices (a Select value cannot be null). */
const IGNORE = '';

/**
 * One line per column of the file: its name and first values, and the field it becomes. On a phone
 * the choice drops below the column's name instead of squeezing beside it.
 */
export function ColumnMappingList({
  columns,
  fields,
  mapping,
  suggested,
  isSaved,
  onChange,
}: {
  columns: readonly ImportColumn[];
  fields: readonly ImportField[];
  mapping: ImportMapping;
  suggested: ImportMapping;
  isSaved: boolean;
  onChange: (mapping: ImportMapping) => void;
}) {
  const { t } = useTranslation();
  const options = [
    { value: IGNORE, label: t('imports.map.ignore') },
    ...fields.map((field) => ({
      value: field.key,
      label: field.required ? `${field.label}（${t('imports.map.required')}）` : field.label,
    })),
  ];

  return (
    <List<ImportColumn>
      bordered
      dataSource={[...columns]}
      rowKey="index"
      data-testid="import-mapping"
      renderItem={(column) => {
        const field = fieldForColumn(mapping, column.index);
        const samples = column.samples.filter((sample) => sample.trim() !== '').slice(0, 3);
        const hint = fields.find((candidate) => candidate.key === field)?.hint;
        return (
          <List.Item data-testid="import-mapping-column">
            <Row gutter={[16, 8]} align="middle" style={{ width: '100%' }}>
              <Col xs={24} md={12}>
                <Typography.Text strong>{columnTitle(column)}</Typography.Text>
                {isSuggestion({ suggested, isSaved, current: mapping, columnIndex: column.index }) && (
                  <Tag color="blue" style={{ marginInlineStart: 8 }}>
                    {t('imports.map.suggested')}
                  </Tag>
                )}
                <br />
                <Typography.Text type="secondary" ellipsis style={{ maxWidth: '100%' }}>
                  {samples.length > 0
                    ? t('imports.map.samples', { values: samples.join(t('imports.map.listSeparator')) })
                    : t('imports.map.noSamples')}
                </Typography.Text>
              </Col>
              <Col xs={24} md={12}>
                <Select
                  value={field ?? IGNORE}
                  onChange={(value: string) =>
                    onChange(assignColumn(mapping, column.index, value === IGNORE ? null : value))
                  }
                  options={options}
                  showSearch={{ optionFilterProp: 'label' }}
                  style={{ width: '100%' }}
                  aria-label={t('imports.map.field')}
                  data-testid="import-mapping-field"
                />
                {hint && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {hint}
                  </Typography.Text>
                )}
              </Col>
            </Row>
          </List.Item>
        );
      }}
    />
  );
}
