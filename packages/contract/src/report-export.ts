import { Type, type TObject, type TProperties, type TSchema } from 'typebox';
import { endpoint, errorResponses, type EndpointDefinition, type EndpointPermission } from './endpoint.js';
import { ExportFile, ExportFormat, ListExportJob } from './export.js';

/** A report's query schema, when it has one: an object of named filters. */
type ReportQuerySchema = TSchema & { properties: TProperties };

/** The report's filters without page parameters, plus the file format. */
type ReportExportQuery<R extends EndpointDefinition> = R extends { query: { properties: infer P extends TProperties } }
  ? TObject<Omit<P, 'limit' | 'cursor'> & { format: typeof ExportFormat }>
  : TObject<{ format: typeof ExportFormat }>;

/**
 * The export endpoint of a report (issue 12): `GET <report path>/export?format=xlsx&<the report's
 * filters>` under the report module's export permission. The file holds the table the screen shows
 * for the same period and filters, within the reader's data scope.
 */
export function reportExportEndpointOf<
  const R extends EndpointDefinition & { method: 'GET' },
  const Permission extends EndpointPermission,
>(report: R, options: { permission: Permission; summary: string; operationId: string }) {
  const properties = (report.query as ReportQuerySchema | undefined)?.properties ?? {};
  const { limit: _limit, cursor: _cursor, ...filters } = properties;
  return endpoint({
    method: 'GET',
    path: `${report.path}/export` as `${R['path']}/export`,
    permission: options.permission,
    summary: options.summary,
    description:
      'Streams the table of the report that the caller sees (same period and filters, same data scope) as ' +
      'an Excel or CSV file, with column headers in the caller’s language. Text cells that a spreadsheet ' +
      'would run as a formula start with an apostrophe. Rate limited per user (429). A report with more ' +
      "rows than the server's inline limit (a profit table of many customers) is exported in the " +
      'background: 202 with the export job, whose progress and download link `GET /export-jobs/{id}` gives.',
    operationId: options.operationId,
    tags: report.tags,
    query: Type.Object({ ...filters, format: ExportFormat }, { additionalProperties: false }) as ReportExportQuery<R>,
    responses: { 200: ExportFile, 202: ListExportJob },
    errors: errorResponses(400, 403, 429),
  });
}
