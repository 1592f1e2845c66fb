import { endpoint, errorResponses } from './endpoint.js';
import { OrganizationExport, OrganizationExportList } from './organization-export.js';

const tags = ['organization'];

/**
 * Exports of all the organization's data for moving or leaving (issue 12). Downloading the file
 * answers the zip's bytes, not JSON, so it stays a plain route
 * (`GET /organization-exports/:id/file`, operation `downloadOrganizationExport`). Importing is
 * done on the server with `guanxi import`, never over HTTP.
 */
export const organizationExportsEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/organization-exports',
    permission: 'organization.manage',
    summary: "List the exports of the organization's data",
    operationId: 'listOrganizationExports',
    tags,
    responses: { 200: OrganizationExportList },
    errors: {},
  }),
  start: endpoint({
    method: 'POST',
    path: '/organization-exports',
    permission: 'organization.manage',
    summary: "Start exporting all of the organization's data in the background",
    operationId: 'startOrganizationExport',
    tags,
    responses: { 202: OrganizationExport },
    errors: errorResponses(409),
  }),
} as const;
