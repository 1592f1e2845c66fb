import type { ImportColumn, ImportField, ImportMapping } from '@guanxi/contract';
import { Card, Col, Row, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { columnTitle, mappedEnumFields, valueMapRows } from './importMapping';

/**
 * For each enumeration read from a column (状态 → order states, 来源 → lead sources): every value
 * seen in the file's first rows and the option it becomes, preselected where the value names one.
 */
export function ValueMaps({
  columns,
  fields,
  mapping,
  refused,
  onChange,
}: {
  columns: readonly ImportColumn[];
  fields: readonly ImportField[];
  mapping: ImportMapping;
  /** File values the last dry run refused, by field: they join the samples' values. */
  refused: Readonly<Record<string, string[]>>;
  onChange: (mapping: ImportMapping) => void;
}) {
  const { t } = useTranslation();
  const enumFields = mappedEnumFields(fields, mapping);
  if (enumFields.length === 0) return null;

  const choose = (field: ImportField, fileValue: string, option: string | undefined) => {
    const map = { ...mapping.valueMaps[field.key] };
    if (option === undefined) delete map[fileValue];
    else map[fileValue] = option;
    onChange({ ...mapping, valueMaps: { ...mapping.valueMaps, [field.key]: map } });
  };

  return (
    <Card size="small" title={t('imports.map.valueMaps')} data-testid="import-value-maps">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {enumFields.map((field) => {
          const column = columns.find((candidate) => candidate.index === mapping.columns[field.key]);
          const rows = valueMapRows({ field, column, mapping, extra: refused[field.key] });
          return (
            <div key={field.key}>
              <Typography.Paragraph style={{ marginBottom: 8 }}>
                {t('imports.map.valueMapIntro', {
                  column: column ? columnTitle(column) : '',
                  field: field.label,
                })}
              </Typography.Paragraph>
              {rows.length === 0 && (
                <Typography.Text type="secondary">{t('imports.map.valueMapEmpty')}</Typography.Text>
              )}
              {rows.map((row) => (
                <Row key={row.fileValue} gutter={8} align="middle" style={{ marginBottom: 8 }}>
                  <Col xs={10} md={8}>
                    <Typography.Text ellipsis>{row.fileValue}</Typography.Text>
                  </Col>
                  <Col xs={2} style={{ textAlign: 'center' }}>
                    →
                  </Col>
                  <Col xs={12} md={10}>
                    <Select
                      value={row.option}
                      allowClear
                      placeholder={t('imports.map.valueAuto')}
                      onChange={(option?: string) => choose(field, row.fileValue, option)}
                      options={field.options}
                      style={{ width: '100%' }}
                      data-testid="import-value-map"
                    />
                  </Col>
                </Row>
              ))}
            </div>
          );
        })}
      </Space>
    </Card>
  );
}
