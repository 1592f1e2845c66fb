// Fails when the drizzle schema has changes that no committed migration carries: runs `drizzle-kit
// generate` (the same settings as apps/server/drizzle.config.ts) into a temporary copy of
// apps/server/migrations and reports any file it would add. The committed folder is never written.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const migrations = path.join(root, 'apps/server/migrations');
const schema = 'apps/server/src/platform/db/schema/index.ts';

/** Every file path under a folder, relative to it. */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

const work = mkdtempSync(path.join(tmpdir(), 'guanxi-migrations-'));
const copy = path.join(work, 'migrations');
let failure;
try {
  cpSync(migrations, copy, { recursive: true });
  const before = new Set(filesUnder(copy));
  // drizzle-kit prefixes `out` with "./", so an absolute path would not resolve: hand it a relative one.
  const out = path.relative(root, copy);
  const result = spawnSync(
    'npx',
    ['drizzle-kit', 'generate', '--dialect', 'postgresql', '--schema', schema, '--out', out, '--prefix', 'timestamp'],
    // No terminal: a rename question would otherwise wait for an answer forever.
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000 },
  );
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  const added = filesUnder(copy).filter((file) => !before.has(file));
  if (added.length > 0) {
    const sql = added
      .filter((file) => file.endsWith('.sql'))
      .map((file) => `--- ${file}\n${readFileSync(path.join(copy, file), 'utf8')}`);
    failure =
      `The schema has changes no migration carries; \`npm run db:generate\` would add:\n  ${added.join('\n  ')}\n` +
      sql.join('\n');
  } else if (result.status !== 0 || !output.includes('No schema changes')) {
    // drizzle-kit exits 0 on some errors (an unreadable snapshot, say): only its own "nothing to
    // migrate" line counts as a pass.
    failure = `drizzle-kit generate did not confirm the migrations are current (exit ${result.status}):\n${output}`;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (failure) {
  console.error(failure);
  process.exit(1);
}
console.log('migrations: the schema matches the committed migrations');
