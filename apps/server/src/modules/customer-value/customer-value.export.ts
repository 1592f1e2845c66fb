import type { CustomerPyramid, ProfitContributionRow } from '@guanxi/contract';
import type { ExportColumn } from '../../platform/export/index.js';

/** The profit contribution ranking's columns in a file, amounts in yuan. */
export const PROFIT_CONTRIBUTION_EXPORT_COLUMNS: readonly ExportColumn<ProfitContributionRow>[] = [
  { header: 'valueExport.rank', value: (r) => r.rank, kind: 'number', width: 6 },
  { header: 'column.customer', value: (r) => r.customerName, width: 28 },
  { header: 'column.owner', value: (r) => r.ownerName, width: 12 },
  { header: 'valueExport.ordersCount', value: (r) => r.ordersCount, kind: 'number' },
  { header: 'valueExport.revenue', value: (r, f) => f.money(r.revenueFen), kind: 'money' },
  { header: 'valueExport.cost', value: (r, f) => f.money(r.costFen), kind: 'money' },
  { header: 'valueExport.grossProfit', value: (r, f) => f.money(r.grossProfitFen), kind: 'money' },
  { header: 'valueExport.expenses', value: (r, f) => f.money(r.expensesFen), kind: 'money' },
  { header: 'valueExport.profit', value: (r, f) => f.money(r.profitFen), kind: 'money' },
  { header: 'valueExport.margin', value: (r) => r.marginPct, kind: 'number' },
];

/** One line of the pyramid screen: a value tier or an ABC class with its customers and revenue. */
export interface PyramidRow {
  dimension: 'tier' | 'abc';
  group: string;
  count: number;
  revenueFen: number;
  profitFen: number | null;
  revenueSharePct: number | null;
}

/** The pyramid's two tables (tiers, then ABC classes) as one, the first column saying which. */
export const pyramidRows = (pyramid: CustomerPyramid): PyramidRow[] => [
  ...pyramid.tiers.map((t) => ({ dimension: 'tier' as const, group: t.tier, ...t })),
  ...pyramid.abc.map((c) => ({ dimension: 'abc' as const, group: c.abcClass, profitFen: null, ...c })),
];

export const PYRAMID_EXPORT_COLUMNS: readonly ExportColumn<PyramidRow>[] = [
  { header: 'valueExport.dimension', value: (r, f) => f.label('valueDimension', r.dimension), width: 12 },
  {
    header: 'valueExport.group',
    value: (r, f) => f.label(r.dimension === 'tier' ? 'pyramidTier' : 'abcClass', r.group),
    width: 10,
  },
  { header: 'valueExport.customers', value: (r) => r.count, kind: 'number' },
  { header: 'valueExport.revenue', value: (r, f) => f.money(r.revenueFen), kind: 'money' },
  { header: 'valueExport.profit', value: (r, f) => f.money(r.profitFen), kind: 'money' },
  { header: 'valueExport.revenueShare', value: (r) => r.revenueSharePct, kind: 'number' },
];
