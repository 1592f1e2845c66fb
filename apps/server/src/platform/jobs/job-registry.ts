import type { JobSchedule } from '@guanxi/contract';
import type { Config } from '../config/config.js';
import type { Database, Db } from '../db/client.js';

/** The installation a job runs in, for jobs that work on the store itself (backups). */
export interface JobInstallation {
  database: Database;
  config: Config;
}

export interface JobContext {
  db: Db;
  /**
   * The organization this run is for: an organization job's own, or the organization whose admin
   * pressed "run now" on a global job (the run then touches only that organization). Null for a
   * scheduled global run, which covers every organization.
   */
  orgId: string | null;
  /** The run's notion of "now"; tests pass an explicit one. */
  now: Date;
  /** Given by the server's runner and "run now"; absent where a test runs a job on a bare db. */
  installation?: JobInstallation;
}

/** Counts a run reports, shown in the run history (e.g. `{ reclaimed: 3 }`). */
export type JobSummary = Record<string, number>;

/**
 * A durable job (design §6). It must be idempotent: a run repeated after a crash or a "run now"
 * may not do the work twice.
 */
export interface JobDefinition {
  name: string;
  /** `organization`: one schedule and run per organization; `global`: one run for all. */
  scope: 'organization' | 'global';
  /**
   * The work cannot be limited to one organization (database upkeep), so a run by hand touches
   * them all and only a system operator may start it (issue 10).
   */
  installationWide?: boolean;
  schedule: JobSchedule;
  run(context: JobContext): Promise<JobSummary | void>;
}

export interface JobRegistry {
  register(definition: JobDefinition): void;
  get(name: string): JobDefinition | undefined;
  list(): JobDefinition[];
}

/** Modules register their job handlers by name here. */
export function createJobRegistry(definitions: readonly JobDefinition[] = []): JobRegistry {
  const byName = new Map<string, JobDefinition>();
  const registry: JobRegistry = {
    register(definition) {
      if (byName.has(definition.name)) throw new Error(`job ${definition.name} registered twice`);
      byName.set(definition.name, definition);
    },
    get: (name) => byName.get(name),
    list: () => [...byName.values()],
  };
  for (const definition of definitions) registry.register(definition);
  return registry;
}

/** A nightly job whose function covers every organization in one run (or the one a hand-run names). */
export const nightlyGlobalJob = (
  name: string,
  at: string,
  run: (db: Db, now: Date, orgId: string | null) => Promise<number>,
): JobDefinition => ({
  name,
  scope: 'global',
  schedule: { kind: 'daily', at },
  run: async ({ db, now, orgId }) => ({ processed: await run(db, now, orgId) }),
});
