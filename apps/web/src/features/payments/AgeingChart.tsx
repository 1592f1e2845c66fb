import type { AgeingRow } from '@guanxi/contract';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
// The ESM build: the CommonJS `lib/` one arrives as a module object, not a component.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { chartLabel } from '../../platform/ui/chartLabel';
import { Grid } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatMoney, useFormatMoneyCompact } from '../../platform/money';
import { AGEING_BUCKETS } from './ageingBuckets';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Older buckets in warmer colours, so what is long overdue stands out. */
const BUCKET_COLORS = ['#95de64', '#bae0ff', '#ffd666', '#ff9c6e', '#ff4d4f'];

/**
 * The receivables of each customer or owner as one stacked bar by age. Bars are plotted in yuan
 * (fen / 100: a chart needs no exact cents); the tooltip shows the exact amounts formatted from fen.
 */
export default function AgeingChart({
  rows,
  currency,
  unknownName,
}: {
  rows: AgeingRow[];
  currency: string;
  unknownName: string;
}) {
  const { t } = useTranslation();
  const money = useFormatMoney();
  const compact = useFormatMoneyCompact();
  // A phone has no room for twenty names under the bars: its bars lie down, names beside them.
  const narrow = Grid.useBreakpoint().md === false;
  const shown = rows.slice(0, narrow ? 10 : 20);
  const names = shown.map((r) => r.name ?? unknownName);
  // Axis ticks at a glance (¥20万), the tooltip keeps the exact amount.
  const amountAxis = {
    type: 'value',
    axisLabel: { formatter: (yuan: number) => compact(Math.round(yuan * 100), currency), hideOverlap: true },
  };
  const option = {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (yuan: unknown) => (typeof yuan === 'number' ? money(Math.round(yuan * 100), currency) : ''),
    },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    ...(narrow
      ? {
          xAxis: amountAxis,
          yAxis: {
            type: 'category',
            inverse: true,
            data: names,
            axisLabel: { interval: 0, width: 96, overflow: 'truncate' },
          },
        }
      : {
          xAxis: {
            type: 'category',
            data: names,
            axisLabel: { interval: 0, rotate: shown.length > 6 ? 30 : 0, width: 120, overflow: 'truncate' },
          },
          yAxis: amountAxis,
        }),
    series: AGEING_BUCKETS.map((bucket, index) => ({
      name: t(`ageing.${bucket.label}`),
      type: 'bar',
      stack: 'age',
      barMaxWidth: 40,
      data: shown.map((r) => r[bucket.field] / 100),
      itemStyle: { color: BUCKET_COLORS[index] },
    })),
  };
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      role="img"
      aria-label={chartLabel(option)}
      notMerge
      style={{ height: narrow ? 60 + shown.length * 30 : 340 }}
      data-testid="ageing-chart"
    />
  );
}
