import { Type, type Static, type TProperties, type TSchema } from 'typebox';
import { endpoint, errorResponses, type EndpointDefinition, type EndpointPermission } from './endpoint.js';

/** The file formats a list or report exports to (issue 12). */
export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export const ExportFormat = Type.Enum(EXPORT_FORMATS);
export type ExportFormat = Static<typeof ExportFormat>;

/** An export answers the file's bytes, streamed (the server's stream, the web's download); binary in OpenAPI. */
export const ExportFile = Type.Unsafe<unknown>({ type: 'string', format: 'binary' });

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
      'formula start with an apostrophe. Rate limited per user (429).',
    operationId: options.operationId,
    tags: list.tags,
    query: exportQueryOf(list.query as L['query']),
    responses: { 200: ExportFile },
    errors: errorResponses(400, 403, 429),
  });
}
