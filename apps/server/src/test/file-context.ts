import { afterAll, beforeAll } from 'vitest';
import type { Config } from '../platform/config/config.js';
import { createOtherOrgAdmin, createPersonas, type Personas } from './personas.js';
import { createTestContext, type Client, type TestContext } from './test-app.js';

/**
 * Stands in for a value that a `beforeAll` builds later: the test file declares it once at the top
 * and reads it like a plain variable inside its tests. Reading it before the hook ran is a test bug,
 * so it throws instead of answering `undefined`.
 */
export function lateBound<T extends object>(read: () => T | undefined, name: string): T {
  const current = () => {
    const value = read();
    if (value === undefined) throw new Error(`${name} is read before beforeAll built it`);
    return value;
  };
  return new Proxy({} as T, {
    get: (_target, key) => Reflect.get(current(), key),
    has: (_target, key) => Reflect.has(current(), key),
  });
}

/** One app over one fresh database for the test file (style rule 11), closed after its tests. */
export function useTestContext(overrides: Partial<Config> = {}): TestContext {
  let ctx: TestContext | undefined;
  beforeAll(async () => {
    ctx = await createTestContext(overrides);
  });
  afterAll(() => ctx?.close());
  return lateBound(() => ctx, 'the test context');
}

/** The file's test context and the personas of security.md in one new organization. */
export function usePersonas(options: { customersEach?: number; config?: Partial<Config> } = {}): {
  ctx: TestContext;
  p: Personas;
} {
  let ctx: TestContext | undefined;
  let p: Personas | undefined;
  beforeAll(async () => {
    ctx = await createTestContext(options.config);
    p = await createPersonas(ctx, options);
  });
  afterAll(() => ctx?.close());
  return { ctx: lateBound(() => ctx, 'the test context'), p: lateBound(() => p, 'the personas') };
}

/** An admin of a second organization, for the file's tests that one organization cannot see another's. */
export function useOtherOrgAdmin(ctx: TestContext): { client: Client; roleIds: Record<string, string> } {
  let other: { client: Client; roleIds: Record<string, string> } | undefined;
  beforeAll(async () => {
    other = await createOtherOrgAdmin(ctx);
  });
  return lateBound(() => other, 'the other organization');
}
