import { describe, expect, it } from 'vitest';
import { lateBound, useOtherOrgAdmin, usePersonas } from './file-context.js';

describe('lateBound', () => {
  it('reads through to the value once it is there, and refuses before', () => {
    const built: { value?: { n: number; twice(): number } } = {};
    const bound = lateBound(() => built.value, 'the value');
    expect(() => bound.n).toThrow('the value is read before beforeAll built it');
    built.value = { n: 2, twice: () => 4 };
    expect(bound.n).toBe(2);
    expect(bound.twice()).toBe(4);
    expect('n' in bound).toBe(true);
    expect('m' in bound).toBe(false);
  });
});

describe('usePersonas', () => {
  const { ctx, p } = usePersonas({ customersEach: 1 });
  const other = useOtherOrgAdmin(ctx);

  it('builds the context, the personas and an admin of another organization before the tests', async () => {
    expect(p.customers.r1).toHaveLength(1);
    const me = await p.clients.r1.get('/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(ctx.database.db).toBeDefined();
    expect(other.client.user.orgId).not.toBe(p.orgId);
    expect(other.roleIds.admin).toBeDefined();
  });
});
