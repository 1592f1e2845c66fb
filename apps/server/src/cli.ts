import { writeFileSync } from 'node:fs';
import { organizationSeeders } from './modules/registry.js';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, REPO_ROOT } from './platform/config/config.js';
import { DataDirLockedError } from './platform/db/data-dir-lock.js';
import { classifyDatabaseFailure, describeDatabaseFailure } from './platform/db/database-errors.js';
import { generateOpenApiDocument } from './openapi.js';
import { openStore, printRoleSync, startServer } from './server.js';
import { seedDemoOrganization } from './modules/demo/demo-seed.js';
import { createOrganizationWithAdmin, syncBuiltInRoles } from './modules/org/index.js';
import { AppError } from './platform/errors/app-error.js';
import { backupCommand, exportCommand, importCommand, restoreCommand } from './archive-commands.js';
import { fieldLabel, translate } from './platform/i18n/translate.js';

const USAGE = `guanxi <command>
  serve                         start the server and web UI
  migrate                       apply database migrations
  sync-roles                    give built-in roles the permissions this release's templates added
  seed --demo                   create the demo organization
  create-admin --org NAME [--code CODE] --username USER --password PASS [--operator]
                                create an organization and its first administrator; CODE is the
                                login code (default: from the name, e.g. pinyin initials); the
                                administrator of the first organization, or with --operator, is a
                                system operator (runs installation-wide jobs)
  export --org CODE --out FILE  write one organization's data (every table, attachments, manifest) to a zip
  import --in FILE              load an organization export into this database (PGlite or PostgreSQL);
                                refuses a changed file, another schema version or an existing organization
  backup [--out FILE]           PGlite: consistent backup into <data dir>/backups (asks the running
                                server to make it when one owns the data directory); PostgreSQL: use pg_dump
  restore --in FILE             PGlite: replace the database and attachments of a stopped instance with a
                                backup (the replaced ones are kept beside them)
  api-spec                      write docs/openapi.json`;

/** A rejected option as the API would word it (in English, like the rest of the console). */
const appErrorText = (error: AppError): string =>
  [
    translate('en', error.key, error.options.params),
    ...(error.options.fields ?? []).map(
      (f) => `--${f.field}: ${fieldLabel('en', f.field)} ${translate('en', f.key, f.params)}`,
    ),
  ].join('\n  ');

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'serve':
      await startServer(config);
      return;
    case 'migrate': {
      const { database, release } = await openStore(config);
      await database.close();
      release();
      console.log(`migrations applied (${database.kind})`);
      return;
    }
    case 'sync-roles': {
      const { database, release } = await openStore(config);
      const changes = await syncBuiltInRoles(database.db);
      await database.checkpoint();
      await database.close();
      release();
      printRoleSync(changes);
      console.log(changes.length ? 'built-in roles synced' : 'built-in roles already match this release');
      return;
    }
    case 'seed': {
      const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean' } } });
      if (!values.demo) throw new Error(USAGE);
      const { database, release } = await openStore(config);
      await seedDemoOrganization(database.db);
      await database.checkpoint();
      await database.close();
      release();
      console.log('demo organization 示例科技有限公司 created');
      return;
    }
    case 'create-admin': {
      const { values } = parseArgs({
        args: rest,
        options: {
          org: { type: 'string' },
          code: { type: 'string' },
          username: { type: 'string' },
          password: { type: 'string' },
          operator: { type: 'boolean' },
        },
      });
      const { org: name, code, username, password, operator } = values;
      if (!name || !username || !password) throw new Error(USAGE);
      const { database, release } = await openStore(config);
      const created = await createOrganizationWithAdmin(database.db, {
        seeders: organizationSeeders,
        name,
        code,
        username,
        password,
        operator,
      }).catch((error: unknown) => {
        throw error instanceof AppError ? new Error(appErrorText(error)) : error;
      });
      await database.checkpoint();
      await database.close();
      release();
      console.log(
        `organization "${name}" created with administrator ${username}${created.systemOperator ? ' (system operator)' : ''}`,
      );
      console.log(`  organization code: ${created.code} (sign in as ${username}@${created.code})`);
      return;
    }
    case 'export': {
      const { values } = parseArgs({ args: rest, options: { org: { type: 'string' }, out: { type: 'string' } } });
      if (!values.org || !values.out) throw new Error(USAGE);
      await exportCommand(config, { org: values.org, out: values.out });
      return;
    }
    case 'import': {
      const { values } = parseArgs({ args: rest, options: { in: { type: 'string' } } });
      if (!values.in) throw new Error(USAGE);
      await importCommand(config, { in: values.in });
      return;
    }
    case 'backup': {
      const { values } = parseArgs({ args: rest, options: { out: { type: 'string' } } });
      await backupCommand(config, { out: values.out });
      return;
    }
    case 'restore': {
      const { values } = parseArgs({ args: rest, options: { in: { type: 'string' } } });
      if (!values.in) throw new Error(USAGE);
      await restoreCommand(config, { in: values.in });
      return;
    }
    case 'api-spec': {
      writeFileSync(path.join(REPO_ROOT, 'docs/openapi.json'), await generateOpenApiDocument());
      console.log('docs/openapi.json written');
      return;
    }
    default:
      console.log(USAGE);
      process.exitCode = command ? 1 : 0;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof DataDirLockedError) {
    console.error(`\n  ${error.message}\n`);
    process.exit(1);
  }
  // Never the thrown error's own text: drizzle's "Failed query: …" carries the SQL and its
  // parameters (a password hash, personal data). The driver's words say what went wrong.
  const reason = describeDatabaseFailure(error);
  console.error(classifyDatabaseFailure(error) === 'unavailable' ? `The database is not reachable: ${reason}` : reason);
  process.exit(1);
});
