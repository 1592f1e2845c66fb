import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/query.js';
import { createOtherOrgAdmin } from '../../test/personas.js';
import { TEST_PASSWORD, type Client } from '../../test/test-app.js';
import { usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 0 });
let other: { client: Client };
let code: string;

beforeAll(async () => {
  other = await createOtherOrgAdmin(ctx);
  code = (await p.clients.admin.get('/api/v1/organization')).json().code;
});

const rename = (client: Client, next: string) => client.patch('/api/v1/organization', { code: next });
const signIn = (organization: string) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: p.users.r1.username, password: TEST_PASSWORD, organization },
  });

describe('the organization login code (issue 10)', () => {
  it('everyone reads the name and code of their own organization', async () => {
    const mine = (await p.clients.r1.get('/api/v1/organization')).json();
    expect(mine).toEqual({ id: p.orgId, name: expect.any(String), code });
    expect((await other.client.get('/api/v1/organization')).json().id).not.toBe(p.orgId);
  });

  it('an admin changes it (typed in any case), it is audited, and sign-in takes the new code only', async () => {
    const changed = await rename(p.clients.admin, '  East-Trading-2 ');
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ id: p.orgId, code: 'east-trading-2' });
    expect((await p.clients.r1.get('/api/v1/auth/me')).json().orgCode).toBe('east-trading-2');
    expect((await signIn('east-trading-2')).statusCode).toBe(200);
    expect((await signIn(code)).statusCode).toBe(401);
    const audit = await queryRows<{ before: unknown; after: unknown; actor_id: string }>(
      ctx.database.db,
      sql`select before, after, actor_id from audit_log where entity = 'organization' and entity_id = ${p.orgId} and action = 'update'`,
    );
    expect(audit).toEqual([{ before: { code }, after: { code: 'east-trading-2' }, actor_id: p.users.admin.id }]);
  });

  it('a malformed code answers 400 naming the code with what is allowed', async () => {
    for (const bad of ['x', '-east', 'east-', 'east_trading', '华东', 'a'.repeat(33), 'east trading']) {
      const response = await rename(p.clients.admin, bad);
      expect(response.statusCode, bad).toBe(400);
      expect(response.json().error.fields).toEqual([
        { field: 'code', message: '编码须为 2–32 位小写字母、数字或连字符，且以字母或数字开头和结尾' },
      ]);
    }
  });

  it("another organization's code, in any case, answers 409 with a clear message and changes nothing", async () => {
    const theirs = (await other.client.get('/api/v1/organization')).json().code as string;
    const clash = await rename(p.clients.admin, theirs.toUpperCase());
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error).toMatchObject({
      code: 'conflict',
      message: '该代码已被其他组织使用。',
      fields: [{ field: 'code', message: '编码已被其他组织使用' }],
    });
    expect((await p.clients.admin.get('/api/v1/organization')).json().code).toBe('east-trading-2');
  });

  it('only a holder of organization.manage changes it', async () => {
    for (const client of [p.clients.r1, p.clients.head, p.clients.finance]) {
      expect((await rename(client, 'mine-now')).statusCode).toBe(403);
    }
    expect((await p.clients.admin.get('/api/v1/organization')).json().code).toBe('east-trading-2');
  });
});
