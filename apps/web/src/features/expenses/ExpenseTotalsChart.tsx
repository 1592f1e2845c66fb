import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
// The ESM build: the CommonJS `lib/` one arrives as a module object, not a component.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { chartLabel } from '../../platform/ui/chartLabel';
import { useFormatMoney, useFormatMoneyCompact } from '../../platform/money';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/**
 * One bar per group. Bars are plotted in yuan (fen / 100: a chart needs no exact cents); the
 * tooltip shows the exact amount formatted from fen.
 */
export default function ExpenseTotalsChart({
  bars,
  currency,
  seriesName,
}: {
  bars: { label: string; amountFen: number }[];
  currency: string;
  seriesName: string;
}) {
  const money = useFormatMoney();
  const compact = useFormatMoneyCompact();
  const option = {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (yuan: unknown) => (typeof yuan === 'number' ? money(Math.round(yuan * 100), currency) : ''),
    },
    grid: { left: 64, right: 16, top: 16, bottom: 32 },
    xAxis: { type: 'category', data: bars.map((b) => b.label) },
    // Axis ticks at a glance (¥20万), the tooltip keeps the exact amount.
    yAxis: { type: 'value', axisLabel: { formatter: (yuan: number) => compact(Math.round(yuan * 100), currency) } },
    series: [{ name: seriesName, type: 'bar', barMaxWidth: 36, data: bars.map((b) => b.amountFen / 100) }],
  };
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      role="img"
      aria-label={chartLabel(option)}
      notMerge
      style={{ height: 320 }}
      data-testid="expense-chart"
    />
  );
}
