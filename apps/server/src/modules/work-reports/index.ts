import { defineModule } from '../../platform/module-kit/module-definition.js';
import { workReportsMessages } from './work-reports.messages.js';
import { workReportsRoutes } from './work-reports.routes.js';
export { createWorkReportsService, type WorkReportsService } from './work-reports.service.js';
export { assertStatsRange, createReportStatsService } from './report-stats.service.js';
export { getReportSettings, DEFAULT_REPORT_SETTINGS } from './report-settings.js';
export { isRequiredToReport } from './report-duty.js';
export { dueAtOf } from './report-due-times.js';
export { reviewableAuthor, teamAuthor } from './work-review.js';
export { periodListConditions, readableReports, type PeriodListFilters } from './work-reports.repository.js';
export { countReportsToReview, directManagerOf, findReportsToReview, userNamesOf } from './work-reports.lookups.js';

export const workReportsModule = defineModule({
  name: 'work-reports',
  messages: workReportsMessages,
  routes: workReportsRoutes,
});
