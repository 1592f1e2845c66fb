import { STAGES, type Stage } from '@guanxi/contract';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
// The ESM build: the CommonJS `lib/` one arrives as a module object, not a component.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { chartLabel } from '../../platform/ui/chartLabel';
import { Grid } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

// Only the parts this chart uses, to keep ECharts' share of the bundle small.
echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** Customers per lifecycle stage; a bar opens the customer list filtered to that stage. */
export default function StageChart({ counts }: { counts: Record<Stage, number> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isNarrow = !Grid.useBreakpoint().md;
  const option = {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 24, bottom: isNarrow ? 72 : 48 },
    xAxis: {
      type: 'category',
      data: STAGES.map((stage) => t(`stage.${stage}`)),
      // Every stage named, also on a phone: ECharts would otherwise drop labels that overlap, and a
      // bar without its stage means nothing. Long names wrap onto a second line; on a phone, where a
      // slot is narrower than "Interested", they slant instead.
      axisLabel: isNarrow
        ? { interval: 0, hideOverlap: false, rotate: 35, fontSize: 10 }
        : { interval: 0, hideOverlap: false, overflow: 'break', width: 120, lineHeight: 14 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: t('workbench.customerCount'),
        type: 'bar',
        barMaxWidth: 48,
        data: STAGES.map((stage) => counts[stage]),
        itemStyle: { color: '#1677ff', borderRadius: [4, 4, 0, 0] },
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
      onEvents={{
        click: (params: { dataIndex: number }) => {
          const stage = STAGES[params.dataIndex];
          if (stage) void navigate(`/customers?stage=${stage}`);
        },
      }}
      data-testid="stage-chart"
    />
  );
}
