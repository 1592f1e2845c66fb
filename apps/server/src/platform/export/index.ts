// List and report exports to XLSX and CSV (issue 12): columns, streaming writers, the shared route.
export {
  cellFormat,
  type Cell,
  type CellFormat,
  type ColumnKind,
  type ExportColumn,
  type OrganizationLabels,
} from './export-columns.js';
export { createListExports, EXPORT_PAGE_SIZE, type ListExportDefinition, type ListExports } from './list-export.js';
export { deleteExpiredExports, exportCleanupJob, exportJobFile } from './export-job-worker.js';
export { isFormulaLike, neutralizeFormula } from './formula-neutralization.js';
export { reportRows } from './report-rows.js';
