import { beforeAll } from 'vitest';
import type { TestContext } from './test-app.js';
import { useTestContext } from './file-context.js';
import { seedDemoOrganization } from './demo-organization.js';

/** The file's test context with the demo organization seeded before its tests (sign in with DEMO_PASSWORD). */
export function useDemoContext(options: { customerCount: number }): TestContext {
  const ctx = useTestContext();
  beforeAll(async () => {
    await seedDemoOrganization(ctx.database.db, options);
  });
  return ctx;
}
