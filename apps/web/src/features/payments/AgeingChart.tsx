import type { AgeingRow } from '@guanxi/contract';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
// The ESM build: the CommonJS `lib/` one arrives as a module object, not a component.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import { useFormatMoney } from '../../platform/money';
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
  const shown = rows.slice(0, 20);
  const option = {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (yuan: unknown) => (typeof yuan === 'number' ? money(Math.round(yuan * 100), currency) : ''),
    },
    legend: { top: 0 },
    grid: { left: 72, right: 16, top: 36, bottom: 48 },
    xAxis: {
      type: 'category',
      data: shown.map((r) => r.name ?? unknownName),
      axisLabel: { interval: 0, rotate: shown.length > 6 ? 30 : 0 },
    },
    yAxis: { type: 'value' },
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
    <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 340 }} data-testid="ageing-chart" />
  );
}
