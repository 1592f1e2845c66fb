import type { AbcClass, PyramidTier } from '@guanxi/contract';
import { Tag, Tooltip } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Metal colours of the pyramid levels, top to bottom; also used by the chart. */
export const TIER_COLORS: Record<PyramidTier, string> = {
  platinum: '#8c8fa3',
  gold: '#d4a017',
  iron: '#5b6b7a',
  lead: '#3b3f46',
};
export const ABC_COLORS: Record<AbcClass, string> = { A: '#1677ff', B: '#69b1ff', C: '#bae0ff' };

export function TierTag({ tier }: { tier: PyramidTier }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t(`customerValue.tierHints.${tier}`)}>
      <Tag color={TIER_COLORS[tier]} data-testid="value-tier">
        {t(`customerValue.tiers.${tier}`)}
      </Tag>
    </Tooltip>
  );
}

export function AbcTag({ abcClass }: { abcClass: AbcClass }) {
  const { t } = useTranslation();
  return (
    <Tag color={abcClass === 'A' ? 'blue' : abcClass === 'B' ? 'geekblue' : 'default'} data-testid="value-abc">
      {t(`customerValue.abc.${abcClass}`)}
    </Tag>
  );
}

/** A percentage with one decimal, or the empty mark where there is no base. */
export function usePercent() {
  const { t } = useTranslation();
  return (pct: number | null) => (pct === null ? t('common.empty') : `${pct.toFixed(1)}%`);
}

/** A right-aligned table column showing what `value` makes of the row (amounts, percentages). */
export function rightColumn<T>(key: string, title: string, value: (row: T) => ReactNode): ColumnType<T> {
  return { key, title, align: 'right', render: (_, row) => value(row) };
}
