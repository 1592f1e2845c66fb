import { Type, type Static } from 'typebox';
import { Id, Nullable, Timestamp } from './common.js';

export const ORGANIZATION_EXPORT_STATES = ['running', 'succeeded', 'failed'] as const;
export type OrganizationExportState = (typeof ORGANIZATION_EXPORT_STATES)[number];

/**
 * One export of all the organization's data (issue 12): a zip with one NDJSON file per table, the
 * attachments and a manifest, made in the background under the server's data directory.
 */
export const OrganizationExport = Type.Object({
  id: Id,
  state: Type.Enum(ORGANIZATION_EXPORT_STATES),
  startedAt: Timestamp,
  finishedAt: Nullable(Timestamp),
  /** Who started it (display name); null when that user no longer exists. */
  requestedBy: Nullable(Type.String()),
  tablesDone: Type.Integer({ minimum: 0 }),
  tablesTotal: Type.Integer({ minimum: 0 }),
  rows: Type.Integer({ minimum: 0 }),
  /** The finished file's size. */
  bytes: Nullable(Type.Integer({ minimum: 0 })),
  /** The name the download is saved under. */
  fileName: Type.String(),
});
export type OrganizationExport = Static<typeof OrganizationExport>;

export const OrganizationExportList = Type.Object({ items: Type.Array(OrganizationExport) });
export type OrganizationExportList = Static<typeof OrganizationExportList>;

export const OrganizationExportParams = Type.Object({ id: Id }, { additionalProperties: false });
export type OrganizationExportParams = Static<typeof OrganizationExportParams>;
