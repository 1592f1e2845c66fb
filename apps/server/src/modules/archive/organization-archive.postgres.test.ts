import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../platform/config/config.js';
import { openDatabase } from '../../platform/db/client.js';
import { PGLITE_TEMPLATE_ENV, createTestDatabase } from '../../test/test-database.js';
import { migrateDatabase } from '../../platform/db/migrate.js';
import { openArchive } from '../../platform/archive/archive-reader.js';
import type { ArchiveManifest } from '../../platform/archive/archive-format.js';
import { seedDemoOrganization } from '../../test/demo-organization.js';

/** `guanxi <args>` as the operator runs it. */
function cli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const manifestOf = async (file: string): Promise<ArchiveManifest> => {
  const archive = await openArchive(file);
  archive.close();
  return archive.manifest;
};

let work: string;
let orgId: string;
let target: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'guanxi-move-'));
  const template = process.env[PGLITE_TEMPLATE_ENV];
  const embedded = await openDatabase({
    pgliteDir: path.join(work, 'embedded', 'pglite'),
    ...(template ? { pgliteTemplate: new Blob([readFileSync(template)]) } : {}),
  });
  await migrateDatabase(embedded);
  ({ orgId } = await seedDemoOrganization(embedded.db));
  await embedded.checkpoint();
  await embedded.close();
  target = await createTestDatabase();
}, 300_000);
afterAll(async () => {
  await target?.drop();
  rmSync(work, { recursive: true, force: true });
});

describe('moving from PGlite to PostgreSQL (guanxi export → guanxi import)', () => {
  it(
    'the organization exported from PGlite imports into PostgreSQL and exports again identically',
    { timeout: 180_000 },
    async () => {
      const embedded = { GUANXI_DATA_DIR: path.join(work, 'embedded'), DATABASE_URL: '' };
      const server = { GUANXI_DATA_DIR: path.join(work, 'server'), DATABASE_URL: target.url! };
      const exported = await cli(['export', '--org', orgId, '--out', path.join(work, 'demo.zip')], embedded);
      expect(exported.stderr).toBe('');
      expect(exported.code).toBe(0);
      const imported = await cli(['import', '--in', path.join(work, 'demo.zip')], server);
      expect(imported.stderr).toBe('');
      expect(imported.stdout).toContain('imported into postgres');
      const again = await cli(['export', '--org', orgId, '--out', path.join(work, 'again.zip')], server);
      expect(again.code).toBe(0);
      const [first, second] = [
        await manifestOf(path.join(work, 'demo.zip')),
        await manifestOf(path.join(work, 'again.zip')),
      ];
      expect(second.engine).toBe('postgres');
      expect(second.files).toEqual(first.files);

      const twice = await cli(['import', '--in', path.join(work, 'demo.zip')], server);
      expect(twice.code).toBe(1);
      expect(twice.stderr).toContain('exists in this database already; nothing was imported');
    },
  );
});
