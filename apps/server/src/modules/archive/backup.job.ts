import type { JobDefinition } from '../../platform/jobs/job-registry.js';
import { createBackup, pruneBackups } from '../../platform/archive/pglite-backup.js';

/** The daily PGlite backup's job name (`guanxi backup` asks a running server to run it). */
export const BACKUP_JOB = 'backup.pglite';

/**
 * Daily backup of an embedded installation into `<dataDir>/backups`, keeping BACKUP_KEEP_DAYS days
 * (the newest backup always stays). It covers every organization, so only a system operator runs it
 * by hand. On PostgreSQL it does nothing: backups there are pg_dump's job (README).
 */
export const backupJob: JobDefinition = {
  name: BACKUP_JOB,
  scope: 'global',
  installationWide: true,
  schedule: { kind: 'daily', at: '03:30' },
  async run({ installation, now }) {
    if (!installation || installation.database.kind !== 'pglite') return { backups: 0, removed: 0 };
    const { database, config } = installation;
    await createBackup({ database, dataDir: config.dataDir, now });
    const removed = await pruneBackups({ dataDir: config.dataDir, keepDays: config.backupKeepDays, now });
    return { backups: 1, removed };
  },
};
