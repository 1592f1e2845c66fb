import type { Health, Readiness } from '@guanxi/contract';
import type { Database } from '../../platform/db/client.js';
import { shippedMigrationMillis } from '../../platform/db/migrate.js';
import { VERSION } from '../../version.js';
import { healthRepository } from './health.repository.js';

/** A check must answer a monitor quickly even when the database hangs (a cut network path). */
export const HEALTH_CHECK_TIMEOUT_MS = 2000;

/** The work's result, or null when it failed or did not finish within `ms` (it is left to end on its own). */
async function within<T>(work: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([work.catch(() => null), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface HealthServiceOptions {
  database: Database;
  timeoutMs?: number;
}

export function createHealthService({ database, timeoutMs = HEALTH_CHECK_TIMEOUT_MS }: HealthServiceOptions) {
  return {
    async getHealth(): Promise<Health> {
      const started = performance.now();
      const answered = await within(
        healthRepository.ping(database.db).then(() => true),
        timeoutMs,
      );
      const reachable = answered === true;
      return {
        status: reachable ? 'ok' : 'degraded',
        db: database.kind,
        version: VERSION,
        database: { reachable, latencyMs: reachable ? Math.round(performance.now() - started) : null },
      };
    },

    async getReadiness(): Promise<Readiness> {
      const applied = await within(healthRepository.getAppliedMigrationMillis(database.db), timeoutMs);
      // Every shipped migration, not only the newest: one merged from another branch may be older.
      const recorded = new Set(applied);
      const checks = {
        database: applied !== null,
        migrations: applied !== null && shippedMigrationMillis().every((when) => recorded.has(when)),
      };
      return { ready: checks.database && checks.migrations, checks };
    },
  };
}
