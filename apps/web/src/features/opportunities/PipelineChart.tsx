import type { PipelineGroup } from '@guanxi/contract';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
// The ESM build: the CommonJS `lib/` one arrives as a module object, not a component.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { chartLabel } from '../../platform/ui/chartLabel';
import { useTranslation } from 'react-i18next';
import { useFormatMoney, useFormatMoneyCompact } from '../../platform/money';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/**
 * Amount and weighted amount per owner or team, side by side. Bars are plotted in yuan (fen / 100:
 * a chart needs no exact cents); the tooltip shows the exact amounts formatted from fen.
 */
export default function PipelineChart({
  groups,
  currency,
  emptyName,
}: {
  groups: PipelineGroup[];
  currency: string;
  emptyName: string;
}) {
  const { t } = useTranslation();
  const money = useFormatMoney();
  const compact = useFormatMoneyCompact();
  const option = {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (yuan: unknown) => (typeof yuan === 'number' ? money(Math.round(yuan * 100), currency) : ''),
    },
    legend: { top: 0 },
    grid: { left: 64, right: 16, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: groups.map((g) => g.name ?? emptyName) },
    // Axis ticks at a glance (¥20万), the tooltip keeps the exact amount.
    yAxis: { type: 'value', axisLabel: { formatter: (yuan: number) => compact(Math.round(yuan * 100), currency) } },
    series: [
      {
        name: t('pipeline.amount'),
        type: 'bar',
        barMaxWidth: 36,
        data: groups.map((g) => g.amountFen / 100),
        itemStyle: { color: '#91caff' },
      },
      {
        name: t('pipeline.weightedAmount'),
        type: 'bar',
        barMaxWidth: 36,
        data: groups.map((g) => g.weightedAmountFen / 100),
        itemStyle: { color: '#1677ff' },
      },
    ],
  };
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      role="img"
      aria-label={chartLabel(option)}
      notMerge
      style={{ height: 320 }}
      data-testid="pipeline-chart"
    />
  );
}
