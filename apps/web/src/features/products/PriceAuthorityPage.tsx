import { MAX_PERCENT_BP, STAGES, type PriceAuthorityRowInput, type PriceBasis, type Stage } from '@guanxi/contract';
import { Alert, App, Button, Card, InputNumber, Select, Space, Spin, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../platform/api';
import { usePriceAuthorities, usePutPriceAuthorities } from './products.queries';
import { ListTable } from '../../platform/ui/ListTable';

/** One cell of the matrix as edited: percent as typed (up to two decimals), sent as basis points. */
interface Cell {
  basis: PriceBasis;
  percent: string;
}
type Cells = Record<string, Cell>;
const cellKey = (roleId: string, stage: Stage | null) => `${roleId}:${stage ?? ''}`;
const COLUMNS: (Stage | null)[] = [null, ...STAGES];

/** "95.5" → 9550 basis points; null for anything else than a percentage with at most two decimals. */
export function percentToBp(percent: string): number | null {
  const match = /^(\d+)(?:\.(\d{0,2}))?$/.exec(percent.trim());
  if (!match) return null;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bp <= MAX_PERCENT_BP ? bp : null;
}
const bpToPercent = (bp: number) => (bp % 100 === 0 ? String(bp / 100) : (bp / 100).toFixed(2));

/** 价格权限 settings: the role × stage matrix of price floors, saved as a whole. */
export default function PriceAuthorityPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const matrix = usePriceAuthorities();
  const save = usePutPriceAuthorities();
  const [edits, setEdits] = useState<Cells | null>(null);

  const saved = useMemo<Cells>(() => {
    const cells: Cells = {};
    for (const row of matrix.data?.items ?? [])
      cells[cellKey(row.roleId, row.stage)] = { basis: row.basis, percent: bpToPercent(row.percentBp) };
    return cells;
  }, [matrix.data]);
  const cells = edits ?? saved;

  if (matrix.isPending) return <Spin />;
  if (matrix.isError) return <Alert type="error" showIcon title={matrix.error.message} />;

  const setCell = (key: string, cell: Cell | undefined) => {
    const next = { ...cells };
    if (cell) next[key] = cell;
    else delete next[key];
    setEdits(next);
  };

  const submit = () => {
    const rows: PriceAuthorityRowInput[] = [];
    for (const role of matrix.data.roles) {
      for (const stage of COLUMNS) {
        const cell = cells[cellKey(role.id, stage)];
        if (!cell) continue;
        const percentBp = percentToBp(cell.percent);
        if (percentBp === null) {
          void message.error(
            `${role.name} · ${stage ? t(`stage.${stage}`) : t('priceAuthority.anyStage')}: ${t('priceAuthority.percentInvalid')}`,
          );
          return;
        }
        rows.push({ roleId: role.id, stage, basis: cell.basis, percentBp });
      }
    }
    save.mutate(
      { rows },
      {
        onSuccess: () => (setEdits(null), void message.success(t('common.saved'))),
        onError: (error) =>
          void message.error(
            isApiError(error) && error.fields?.length
              ? `${error.message} ${error.fields.map((f) => f.message).join('; ')}`
              : error.message,
          ),
      },
    );
  };

  const columns: ColumnsType<(typeof matrix.data.roles)[number]> = [
    { title: t('priceAuthority.role'), dataIndex: 'name', fixed: 'left', width: 140 },
    ...COLUMNS.map((stage) => ({
      title: stage ? t(`stage.${stage}`) : t('priceAuthority.anyStage'),
      key: stage ?? 'any',
      width: 190,
      render: (_: unknown, role: { id: string }) => {
        const key = cellKey(role.id, stage);
        const cell = cells[key];
        if (!cell)
          return (
            <Button size="small" type="dashed" onClick={() => setCell(key, { basis: 'list', percent: '100' })}>
              {t('priceAuthority.notSet')}
            </Button>
          );
        return (
          <Space.Compact size="small" data-testid="price-authority-cell">
            <Select<PriceBasis>
              size="small"
              value={cell.basis}
              onChange={(basis) => setCell(key, { ...cell, basis })}
              options={[
                { value: 'list', label: t('priceAuthority.basisList') },
                { value: 'cost', label: t('priceAuthority.basisCost') },
              ]}
              style={{ width: 72 }}
              aria-label={t('priceAuthority.basis')}
            />
            <InputNumber<string>
              size="small"
              stringMode
              min="0"
              max="1000"
              precision={2}
              suffix="%"
              value={cell.percent}
              status={percentToBp(cell.percent) === null ? 'error' : undefined}
              onChange={(percent) => setCell(key, { ...cell, percent: percent ?? '' })}
              style={{ width: 90 }}
              aria-label={t('priceAuthority.percent')}
            />
            <Button size="small" onClick={() => setCell(key, undefined)} aria-label={t('priceAuthority.clear')}>
              ×
            </Button>
          </Space.Compact>
        );
      },
    })),
  ];

  return (
    <Card
      title={t('priceAuthority.title')}
      extra={
        <Space>
          <Button disabled={edits === null} onClick={() => setEdits(null)}>
            {t('priceAuthority.reset')}
          </Button>
          <Button type="primary" loading={save.isPending} onClick={submit} data-testid="price-authority-save">
            {t('priceAuthority.saveAll')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('priceAuthority.intro')}</Typography.Paragraph>
      <ListTable
        size="small"
        columns={columns}
        rows={matrix.data.roles}
        scroll={{ x: 1300 }}
        testId="price-authority-table"
      />
    </Card>
  );
}
