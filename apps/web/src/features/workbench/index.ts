/** The stage chart loads on demand: it brings ECharts, which the pages around it do not need. */
export const loadStageChart = () => import('./StageChart');
