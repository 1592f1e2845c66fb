import { RFM_SEGMENTS, type RfmMatrix } from '@guanxi/contract';
import { Col, Grid, Row } from 'antd';
import { BarChart, HeatmapChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
// The ESM build: the CommonJS `lib/` one arrives as a module object, not a component.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFormatMoney, useFormatMoneyCompact } from '../../platform/money';
import { chartLabel } from '../../platform/ui/chartLabel';
import { RFM_SEGMENT_COLORS } from '../../platform/ui/RfmSegmentTag';
import { customerListPath } from '../customers';
import { heatmapPoints } from './rfmLayout';

echarts.use([
  BarChart,
  HeatmapChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

const SCORES = ['1', '2', '3', '4', '5'];

/**
 * Customers and revenue per segment (a bar opens the list filtered to it), and the R × F score
 * grid as a heatmap of customer counts (recent buyers at the top, frequent ones to the right).
 */
export default function RfmCharts({ matrix }: { matrix: RfmMatrix }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const money = useFormatMoney();
  const compact = useFormatMoneyCompact();
  const isNarrow = !Grid.useBreakpoint().md;
  const bySegment = new Map(matrix.segments.map((s) => [s.segment, s]));

  const segmentOption = {
    title: { text: t('rfm.segmentChart'), left: 'center', textStyle: { fontSize: 14 } },
    tooltip: {
      trigger: 'axis',
      formatter: (items: { dataIndex: number }[]) => {
        const summary = bySegment.get(RFM_SEGMENTS[items[0]?.dataIndex ?? 0]!);
        if (!summary) return '';
        return [
          `<b>${t(`rfm.segments.${summary.segment}`)}</b>`,
          `${t('rfm.count')}: ${summary.count}`,
          `${t('rfm.revenue')}: ${money(summary.revenueFen, matrix.currency)}`,
        ].join('<br/>');
      },
    },
    // Each bar pair wears its segment's colour (the revenue bar paler), so the axes name the series, not a legend.
    grid: { left: 8, right: 8, top: 56, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: RFM_SEGMENTS.map((segment) => t(`rfm.segments.${segment}`)),
      // Every segment named: ECharts would drop overlapping labels, and a bar without its name means nothing.
      axisLabel: { interval: 0, hideOverlap: false, rotate: isNarrow ? 45 : 30, fontSize: isNarrow ? 10 : 12 },
    },
    yAxis: [
      { type: 'value', minInterval: 1, name: t('rfm.count') },
      {
        type: 'value',
        name: t('rfm.revenueFaded'),
        axisLabel: { formatter: (yuan: number) => compact(yuan * 100, matrix.currency) },
      },
    ],
    series: [
      {
        name: t('rfm.count'),
        type: 'bar',
        barMaxWidth: 36,
        data: RFM_SEGMENTS.map((segment) => ({
          value: bySegment.get(segment)?.count ?? 0,
          itemStyle: { color: RFM_SEGMENT_COLORS[segment] },
        })),
      },
      {
        name: t('rfm.revenue'),
        type: 'bar',
        yAxisIndex: 1,
        barMaxWidth: 36,
        // Plotted in yuan: the tooltip shows the exact amount.
        data: RFM_SEGMENTS.map((segment) => ({
          value: (bySegment.get(segment)?.revenueFen ?? 0) / 100,
          itemStyle: { color: RFM_SEGMENT_COLORS[segment], opacity: 0.45 },
        })),
      },
    ],
  };

  const { points, max } = heatmapPoints(matrix.grid);
  const gridOption = {
    title: { text: t('rfm.gridChart'), left: 'center', textStyle: { fontSize: 14 } },
    tooltip: {
      formatter: (item: { value: [number, number, number] }) =>
        `${t('rfm.recencyScore')} ${item.value[1] + 1} · ${t('rfm.frequencyScore')} ${item.value[0] + 1}<br/>${t('rfm.count')}: ${item.value[2]}`,
    },
    grid: { left: 8, right: 8, top: 40, bottom: 56, containLabel: true },
    xAxis: { type: 'category', data: SCORES, name: t('rfm.frequencyScore'), nameLocation: 'center', nameGap: 24 },
    yAxis: { type: 'category', data: SCORES, name: t('rfm.recencyScore'), nameLocation: 'end' },
    visualMap: {
      min: 0,
      max,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: isNarrow ? 120 : 160,
      inRange: { color: ['#f0f5ff', '#1677ff'] },
    },
    series: [{ type: 'heatmap', data: points, label: { show: true } }],
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <ReactEChartsCore
          echarts={echarts}
          option={segmentOption}
          role="img"
          aria-label={chartLabel(segmentOption)}
          notMerge
          style={{ height: 360 }}
          onEvents={{
            click: (params: { dataIndex: number }) => {
              const segment = RFM_SEGMENTS[params.dataIndex];
              if (segment && (bySegment.get(segment)?.count ?? 0) > 0)
                void navigate(customerListPath({ rfmSegment: segment }));
            },
          }}
          data-testid="rfm-segment-chart"
        />
      </Col>
      <Col xs={24} xl={10}>
        <ReactEChartsCore
          echarts={echarts}
          option={gridOption}
          role="img"
          aria-label={chartLabel(gridOption)}
          notMerge
          style={{ height: 360 }}
          data-testid="rfm-grid-chart"
        />
      </Col>
    </Row>
  );
}
