import type { LossReportRow } from '@guanxi/contract';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
// The ESM build: the CommonJS `lib/` one arrives as a module object, not a component.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { chartLabel } from '../../platform/ui/chartLabel';
import { useTranslation } from 'react-i18next';
import { useFormatMoney } from '../../platform/money';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/**
 * Lost deals per reason or competitor as horizontal bars (count), largest on top; the tooltip adds
 * the exact lost amount. Clicking a bar opens those lost opportunities.
 */
export default function LossChart({
  rows,
  currency,
  labelOf,
  onPick,
  testId,
}: {
  rows: LossReportRow[];
  currency: string;
  labelOf: (row: LossReportRow) => string;
  onPick: (row: LossReportRow) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const money = useFormatMoney();
  const shown = rows.slice(0, 12).reverse();
  const option = {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: { dataIndex: number }[]) => {
        const row = shown[params[0]?.dataIndex ?? 0];
        if (!row) return '';
        const label = labelOf(row).replace(/[<>&]/g, '');
        return `${label}<br/>${t('lossReport.count')}: ${row.count}<br/>${t('lossReport.amount')}: ${money(row.amountFen, currency)}`;
      },
    },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: shown.map(labelOf),
      axisLabel: { width: 110, overflow: 'truncate' },
    },
    series: [
      {
        name: t('lossReport.count'),
        type: 'bar',
        barMaxWidth: 24,
        data: shown.map((r) => r.count),
        itemStyle: { color: '#ff7875' },
        cursor: 'pointer',
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
      style={{ height: Math.max(160, shown.length * 36 + 24) }}
      onEvents={{ click: (event: { dataIndex: number }) => shown[event.dataIndex] && onPick(shown[event.dataIndex]!) }}
      data-testid={testId}
    />
  );
}
