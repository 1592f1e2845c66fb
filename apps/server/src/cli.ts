import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, REPO_ROOT } from './platform/config/config.js';
import { DataDirLockedError } from './platform/db/data-dir-lock.js';
import { assertAcceptablePassword } from './platform/auth/passwords.js';
import { generateOpenApiDocument } from './openapi.js';
import { openStore, printRoleSync, startServer } from './server.js';
import { seedDemoOrganization } from './modules/demo/demo-seed.js';
import { createOrganization, insertUser, syncBuiltInRoles } from './modules/org/index.js';

const USAGE = `guanxi <command>
  serve                         start the server and web UI
  migrate                       apply database migrations
  sync-roles                    give built-in roles the permissions this release's templates added
  seed --demo                   create the demo organization
  create-admin --org NAME --username USER --password PASS
                                create an organization and its first administrator
  api-spec                      write docs/openapi.json`;

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
        options: { org: { type: 'string' }, username: { type: 'string' }, password: { type: 'string' } },
      });
      if (!values.org || !values.username || !values.password) throw new Error(USAGE);
      assertAcceptablePassword(values.password);
      const { database, release } = await openStore(config);
      await database.db.transaction(async (tx) => {
        const { orgId, roleIds } = await createOrganization(tx, { name: values.org! });
        await insertUser(tx, {
          orgId,
          username: values.username!,
          displayName: values.username!,
          password: values.password!,
          departmentId: null,
          roleIds: [roleIds.admin!],
        });
      });
      await database.checkpoint();
      await database.close();
      release();
      console.log(`organization "${values.org}" created with administrator ${values.username}`);
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
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
