import { Type, type Static, type TProperties, type TSchema } from 'typebox';
import { Id, Nullable, Timestamp } from './common.js';
import { endpoint, errorResponses, type EndpointDefinition, type EndpointPermission } from './endpoint.js';

/** The file formats a list or report exports to (issue 12). */
export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export const ExportFormat = Type.Enum(EXPORT_FORMATS);
export type ExportFormat = Static<typeof ExportFormat>;

/** An export answers the file's bytes, streamed (the server's stream, the web's download); binary in OpenAPI. */
export const ExportFile = Type.Unsafe<unknown>({ type: 'string', format: 'binary' });

export const LIST_EXPORT_JOB_STATES = ['queued', 'running', 'completed', 'failed'] as const;
export type ListExportJobState = (typeof LIST_EXPORT_JOB_STATES)[number];

/**
 * A large list export made in the background (issue 12): answered with 202 instead of the file when
 * the list holds more rows than the server streams at once. Only the user who asked sees it.
 */
export const ListExportJob = Type.Object({
  id: Id,
  state: Type.Enum(LIST_EXPORT_JOB_STATES),
  format: ExportFormat,
  /** The name the file is saved under, in the requester's language (客户-20261207-0930.xlsx). */
  fileName: Type.String(),
  rowsDone: Type.Integer({ minimum: 0 }),
  /** Rows the list held when the export was asked for. */
  rowsTotal: Type.Integer({ minimum: 0 }),
  createdAt: Timestamp,
  finishedAt: Nullable(Timestamp),
  /** After this the file is deleted and the download answers 404. */
  expiresAt: Timestamp,
  /** `GET` it for the file once the state is `completed`; null before. */
  downloadUrl: Nullable(Type.String()),
});
export type ListExportJob = Static<typeof ListExportJob>;

export const ListExportJobList = Type.Object({ items: Type.Array(ListExportJob) });
export type ListExportJobList = Static<typeof ListExportJobList>;

export const ListExportJobParams = Type.Object({ id: Id }, { additionalProperties: false });
export type ListExportJobParams = Static<typeof ListExportJobParams>;

/** Rows a list export streams at once; past this it becomes a job unless the server says otherwise. */
export const DEFAULT_EXPORT_INLINE_MAX_ROWS = 10_000;

/** Exports per user and minute before 429 unless the server's configuration says otherwise. */
export const DEFAULT_EXPORT_RATE_LIMIT_PER_MINUTE = 10;

/**
 * The query of a list's export: the list's own filters and sort (so the file holds what the screen
 * shows), without its page parameters, plus the file format.
 */
export function exportQueryOf<P extends TProperties>(listQuery: { properties: P }) {
  const { limit: _limit, cursor: _cursor, ...filters } = listQuery.properties;
  return Type.Object(
    { ...(filters as Omit<P, 'limit' | 'cursor'>), format: ExportFormat },
    { additionalProperties: false },
  );
}

/** A list's query schema: an object of named filters. */
type ListQuerySchema = TSchema & { properties: TProperties };

/** What a list's export endpoint needs besides the list itself. */
interface ExportOptions<Permission extends EndpointPermission> {
  permission: Permission;
  summary: string;
  operationId: string;
}

/**
 * The export endpoint of a list endpoint: `GET <list path>/export?format=xlsx&<the list's filters>`,
 * under its own permission (`<module>.export`). One mechanism for every list, not a copy per list.
 */
export function exportEndpointOf<
  const L extends EndpointDefinition & { method: 'GET'; query: ListQuerySchema },
  const Permission extends EndpointPermission,
>(list: L, options: ExportOptions<Permission>) {
  return endpoint({
    method: 'GET',
    path: `${list.path}/export` as `${L['path']}/export`,
    permission: options.permission,
    summary: options.summary,
    description:
      'Streams every row of the list that the caller may see (same filters and sort, same data scope, ' +
      'hidden fields left out) as an Excel or CSV file. Text cells that a spreadsheet would run as a ' +
      'formula start with an apostrophe. Rate limited per user (429). A list longer than the ' +
      "server's inline limit is exported in the background instead: 202 with the export job, whose " +
      'progress and download link `GET /export-jobs/{id}` gives.',
    operationId: options.operationId,
    tags: list.tags,
    query: exportQueryOf(list.query as L['query']),
    responses: { 200: ExportFile, 202: ListExportJob },
    errors: errorResponses(400, 403, 429),
  });
}

/** The caller's own background list exports (every signed-in user has some or none). */
export const exportJobsEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/export-jobs',
    permission: 'authenticated',
    summary: 'List my background list exports, newest first',
    operationId: 'listExportJobs',
    tags: ['exports'],
    responses: { 200: ListExportJobList },
    errors: {},
  }),
  get: endpoint({
    method: 'GET',
    path: '/export-jobs/:id',
    permission: 'authenticated',
    summary: 'Get one of my background list exports (progress, download link)',
    operationId: 'getExportJob',
    tags: ['exports'],
    params: ListExportJobParams,
    responses: { 200: ListExportJob },
    errors: errorResponses(404),
  }),
} as const;
