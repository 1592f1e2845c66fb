/** What `manifest.json` of an organization archive holds (see ARCHIVE_README for the format). */
export interface ArchiveManifest {
  format: typeof ARCHIVE_FORMAT;
  formatVersion: 1;
  /** The newest migration the exporting database had applied; an import needs the same. */
  schemaVersion: string;
  organization: { id: string; code: string; name: string };
  exportedAt: string;
  /** The engine exported from (`pglite` or `postgres`); either imports into either. */
  engine: string;
  files: ArchiveFile[];
}

export interface ArchiveFile {
  path: string;
  kind: 'table' | 'attachment';
  /** Tables: the table name and the number of rows (lines). */
  table?: string;
  rows?: number;
  bytes: number;
  sha256: string;
}

export const ARCHIVE_FORMAT = 'guanxi-organization-export';
export const MANIFEST_PATH = 'manifest.json';
export const README_PATH = 'README.md';
export const tablePath = (table: string) => `tables/${table}.ndjson`;
export const ATTACHMENTS_PREFIX = 'attachments/';

export const ARCHIVE_README = `# Guanxi organization export

This archive holds every record of one organization of a Guanxi CRM installation, written by
\`guanxi export\` or by 设置 → 数据导出 (Settings → Data export). \`guanxi import --in <file>\` loads it
into another installation (PGlite or PostgreSQL) whose database has the same schema version.

## Files

- \`manifest.json\` — format name and version, the schema version (the newest database migration
  applied when exported), the organization (id, login code, name), the time of the export, and for
  every other file its path, size in bytes and SHA-256; for tables also the row count.
- \`tables/<table>.ndjson\` — one file per database table holding the organization's rows
  (customers, contacts, leads, follow-ups, orders, payments, stage transitions, ownership events,
  approvals, the audit log, settings, users, roles, departments …), soft-deleted rows included.
  One JSON object per line, one line per row, in primary-key order; keys are the database column
  names (primary key first, then the others alphabetically). Values as PostgreSQL renders them to
  JSON: timestamps ISO 8601 in UTC (\`2026-12-07T08:30:00.123456+00:00\`), money as integer fen,
  decimals as JSON numbers, JSON columns as JSON, arrays as JSON arrays, search tokens as text.
  Passwords are argon2id hashes, API tokens SHA-256 hashes; sign-in sessions and the job
  runner's schedule are not exported.
- \`attachments/<path>\` — the organization's uploaded files, as stored (\`<org id>/<file id>\`); the
  \`attachments\` table names each one's original file name and type.

## Import

\`guanxi import --in <file>\` refuses when a file's SHA-256 or size differs from the manifest, when
the schema version differs from the target database's, or when the organization (its id or its
login code) exists there already. It loads tables in foreign-key order in short transactions; if it
fails midway it removes what it loaded.

## 中文说明

本压缩包是 Guanxi CRM 中一个组织的全部数据：每张表一个 NDJSON 文件（每行一条记录，含已删除记录），
附件原样保存在 attachments/ 下，manifest.json 记录数据库结构版本、每个文件的行数和 SHA-256 校验值。
用 \`guanxi import --in <文件>\` 导入到结构版本相同的空实例（PGlite 或 PostgreSQL）。
`;
