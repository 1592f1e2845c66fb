import { ABC_CLASSES, PYRAMID_TIERS, type CustomerPyramid } from '@guanxi/contract';
import { Col, Row } from 'antd';
import { FunnelChart, PieChart } from 'echarts/charts';
import { LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
// The ESM build: the CommonJS `lib/` one arrives as a module object, not a component.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { chartLabel } from '../../platform/ui/chartLabel';
import { useTranslation } from 'react-i18next';
import { useFormatMoney } from '../../platform/money';
import { ABC_COLORS, TIER_COLORS, usePercent } from './valueDisplay';

echarts.use([FunnelChart, PieChart, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

/**
 * The customer pyramid and the ABC split. The pyramid's shape is fixed (level 1 … 4, platinum on
 * top): widths proportional to counts would put the many lead customers above the few platinum
 * ones' meaning. Counts and revenue shares are in the labels and the tooltip.
 */
export default function PyramidCharts({ pyramid }: { pyramid: CustomerPyramid }) {
  const { t } = useTranslation();
  const money = useFormatMoney();
  const percent = usePercent();
  const tiers = new Map(pyramid.tiers.map((tier) => [tier.tier, tier]));
  const classes = new Map(pyramid.abc.map((row) => [row.abcClass, row]));

  const pyramidOption = {
    title: { text: t('customerValue.pyramidChart'), left: 'center', textStyle: { fontSize: 14 } },
    tooltip: {
      trigger: 'item',
      formatter: (item: { dataIndex: number }) => {
        const tier = tiers.get(PYRAMID_TIERS[item.dataIndex]!);
        if (!tier) return '';
        return [
          `<b>${t(`customerValue.tiers.${tier.tier}`)}</b>`,
          `${t('customerValue.count')}: ${tier.count}`,
          `${t('customerValue.revenue')}: ${money(tier.revenueFen, pyramid.currency)}`,
          `${t('customerValue.profit')}: ${money(tier.profitFen, pyramid.currency)}`,
          `${t('customerValue.revenueShare')}: ${percent(tier.revenueSharePct)}`,
        ].join('<br/>');
      },
    },
    series: [
      {
        type: 'funnel',
        sort: 'ascending',
        top: 40,
        bottom: 8,
        left: '10%',
        width: '80%',
        gap: 2,
        label: {
          position: 'inside',
          formatter: (item: { dataIndex: number }) => {
            const tier = tiers.get(PYRAMID_TIERS[item.dataIndex]!);
            return tier
              ? `${t(`customerValue.tiers.${tier.tier}`)}  ${tier.count} · ${percent(tier.revenueSharePct)}`
              : '';
          },
        },
        data: PYRAMID_TIERS.map((tier, index) => ({
          name: tier,
          value: index + 1,
          itemStyle: { color: TIER_COLORS[tier] },
        })),
      },
    ],
  };

  const abcOption = {
    title: { text: t('customerValue.abcChart'), left: 'center', textStyle: { fontSize: 14 } },
    tooltip: {
      trigger: 'item',
      formatter: (item: { dataIndex: number }) => {
        const row = classes.get(ABC_CLASSES[item.dataIndex]!);
        if (!row) return '';
        return [
          `<b>${t(`customerValue.abc.${row.abcClass}`)}</b>`,
          `${t('customerValue.count')}: ${row.count}`,
          `${t('customerValue.revenue')}: ${money(row.revenueFen, pyramid.currency)}`,
          `${t('customerValue.revenueShare')}: ${percent(row.revenueSharePct)}`,
        ].join('<br/>');
      },
    },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        top: 24,
        label: {
          formatter: (item: { dataIndex: number }) => {
            const row = classes.get(ABC_CLASSES[item.dataIndex]!);
            return row ? `${row.count} · ${percent(row.revenueSharePct)}` : '';
          },
        },
        // Plotted in yuan: the chart needs no exact cents; the tooltip shows the exact amount.
        data: ABC_CLASSES.map((abcClass) => ({
          name: t(`customerValue.abc.${abcClass}`),
          value: (classes.get(abcClass)?.revenueFen ?? 0) / 100,
          itemStyle: { color: ABC_COLORS[abcClass] },
        })),
      },
    ],
  };

  return (
    <Row gutter={16}>
      <Col xs={24} lg={12}>
        <ReactEChartsCore
          echarts={echarts}
          option={pyramidOption}
          role="img"
          aria-label={chartLabel(pyramidOption)}
          notMerge
          style={{ height: 320 }}
          data-testid="pyramid-chart"
        />
      </Col>
      <Col xs={24} lg={12}>
        <ReactEChartsCore
          echarts={echarts}
          option={abcOption}
          role="img"
          aria-label={chartLabel(abcOption)}
          notMerge
          style={{ height: 320 }}
          data-testid="abc-chart"
        />
      </Col>
    </Row>
  );
}
