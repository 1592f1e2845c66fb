import { copyFileSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { MIGRATIONS_DIR } from '../platform/db/migrate.js';
import type { TestContext } from './test-app.js';

/**
 * A folder holding one shipped migration and a journal naming only it, so a data-migration test can
 * run that file again through drizzle's real migrator (with a bookkeeping table of its own) after
 * putting back the data shape it was written for. `remove()` deletes the folder.
 */
export function singleMigrationFolder(tag: string): {
  runAgain(ctx: TestContext, migrationsTable: string): Promise<void>;
  remove(): void;
} {
  const folder = mkdtempSync(path.join(tmpdir(), 'guanxi-migration-'));
  mkdirSync(path.join(folder, 'meta'));
  copyFileSync(path.join(MIGRATIONS_DIR, `${tag}.sql`), path.join(folder, `${tag}.sql`));
  const entries = [{ idx: 0, version: '7', when: 1, tag, breakpoints: true }];
  writeFileSync(
    path.join(folder, 'meta', '_journal.json'),
    JSON.stringify({ version: '7', dialect: 'postgresql', entries }),
  );
  return {
    async runAgain(ctx, migrationsTable) {
      const config = { migrationsFolder: folder, migrationsTable };
      if (ctx.database.kind === 'pglite') await migratePglite(ctx.database.db as unknown as PgliteDatabase, config);
      else await migratePostgres(ctx.database.db as unknown as NodePgDatabase, config);
    },
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}
