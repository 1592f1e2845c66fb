import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANIZATION_CODE } from '@guanxi/contract';
import { queryRows } from '../../platform/db/query.js';
import { createOrganization } from '../org/index.js';
import { createTestContext, organizationSeeders, TEST_PASSWORD, type TestContext } from '../../test/test-app.js';

let ipCounter = 0;
/** Each sign-in from its own address unless a test says otherwise (the per-address limits). */
const freshIp = () => `10.77.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

function signIn(ctx: TestContext, body: Record<string, unknown>, options: { ip?: string; locale?: string } = {}) {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { password: TEST_PASSWORD, ...body },
    remoteAddress: options.ip ?? freshIp(),
    headers: { 'x-request-id': 'same-request', ...(options.locale ? { 'accept-language': options.locale } : {}) },
  });
}
const loginOptions = async (ctx: TestContext) =>
  (await ctx.app.inject({ method: 'GET', url: '/api/v1/auth/login-options' })).json();

describe('signing in to the only organization (single-company installs, the demo)', () => {
  let ctx: TestContext;
  let org: { orgId: string; code: string; roleIds: Record<string, string> };
  beforeAll(async () => {
    ctx = await createTestContext();
    org = await ctx.createOrg();
    await ctx.createUser({ orgId: org.orgId, username: 'wang.fang', roleIds: [org.roleIds.salesperson!] });
  });
  afterAll(() => ctx.close());

  it('needs no organization, and the login page is told not to ask for one', async () => {
    expect(await loginOptions(ctx)).toEqual({ organizationRequired: false, demo: false });
    expect((await signIn(ctx, { username: 'wang.fang' })).json()).toMatchObject({
      orgId: org.orgId,
      orgCode: org.code,
    });
  });

  it('still takes the organization when given, and a wrong one fails like a wrong password', async () => {
    expect((await signIn(ctx, { username: `wang.fang@${org.code}` })).statusCode).toBe(200);
    expect((await signIn(ctx, { username: 'wang.fang', organization: org.code.toUpperCase() })).statusCode).toBe(200);
    const wrongOrg = await signIn(ctx, { username: 'wang.fang', organization: 'no-such-org' });
    const wrongPassword = await signIn(ctx, { username: 'wang.fang', password: 'not-the-password' });
    expect(wrongOrg.statusCode).toBe(401);
    expect(wrongOrg.body).toBe(wrongPassword.body);
  });
});

describe('signing in to one of several organizations (issue 10)', () => {
  let ctx: TestContext;
  let east: { orgId: string; code: string; roleIds: Record<string, string> };
  let west: { orgId: string; code: string; roleIds: Record<string, string> };
  beforeAll(async () => {
    ctx = await createTestContext();
    east = await ctx.createOrg();
    west = await ctx.createOrg();
    // The same login name in both organizations: two different people.
    await ctx.createUser({ orgId: east.orgId, username: 'zhang.wei', roleIds: [east.roleIds.salesperson!] });
    await ctx.createUser({ orgId: west.orgId, username: 'zhang.wei', roleIds: [west.roleIds.admin!] });
  });
  afterAll(() => ctx.close());

  it('the login page is told to ask for the organization', async () => {
    expect(await loginOptions(ctx)).toEqual({ organizationRequired: true, demo: false });
  });

  it('the login page shows the demo sign-in only while the demo organization is installed', async () => {
    const before = await loginOptions(ctx);
    await ctx.database.db.transaction((tx) =>
      createOrganization(tx, { name: '示例科技有限公司', code: DEMO_ORGANIZATION_CODE, seeders: organizationSeeders }),
    );
    expect(before.demo).toBe(false);
    expect((await loginOptions(ctx)).demo).toBe(true);
  });

  it('the organization field or name@code picks the account, the code in any letter case', async () => {
    const eastSignIn = await signIn(ctx, { username: 'zhang.wei', organization: east.code });
    expect(eastSignIn.json()).toMatchObject({ orgId: east.orgId, orgCode: east.code, username: 'zhang.wei' });
    const westSignIn = await signIn(ctx, { username: `ZHANG.WEI@${west.code.toUpperCase()}` });
    expect(westSignIn.json()).toMatchObject({ orgId: west.orgId, orgCode: west.code });
    expect(westSignIn.json().id).not.toBe(eastSignIn.json().id);
  });

  it('without an organization the answer is 400 naming the organization field, the same for any username', async () => {
    const known = await signIn(ctx, { username: 'zhang.wei' });
    const unknown = await signIn(ctx, { username: 'nobody.here' });
    const wrongPassword = await signIn(ctx, { username: 'zhang.wei', password: 'not-the-password' });
    expect(known.statusCode).toBe(400);
    expect(known.json().error).toMatchObject({
      code: 'validation',
      message: '本系统有多个组织，请填写组织代码。',
      fields: [{ field: 'organization', message: '组织代码为必填项' }],
    });
    expect(unknown.body).toBe(known.body);
    expect(wrongPassword.body).toBe(known.body);
    const english = await signIn(ctx, { username: 'zhang.wei' }, { locale: 'en' });
    expect(english.json().error.message).toBe('Several organizations use this system: enter your organization code.');
  });

  it('an unknown organization answers exactly like a wrong password', async () => {
    const answers = await Promise.all([
      signIn(ctx, { username: 'zhang.wei', organization: 'no-such-org' }),
      signIn(ctx, { username: 'zhang.wei@no-such-org' }),
      signIn(ctx, { username: 'zhang.wei', organization: east.code, password: 'not-the-password' }),
      signIn(ctx, { username: 'nobody.here', organization: east.code }),
    ]);
    for (const answer of answers) expect(answer.statusCode).toBe(401);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
  });

  it('failures against a name in one organization do not lock out the same name in another', async () => {
    const ip = freshIp();
    for (let i = 0; i < 5; i++) {
      expect(
        (await signIn(ctx, { username: 'zhang.wei', organization: east.code, password: `guess-${i}-wrong` }, { ip }))
          .statusCode,
      ).toBe(401);
    }
    expect((await signIn(ctx, { username: 'zhang.wei', organization: east.code }, { ip })).statusCode).toBe(429);
    expect((await signIn(ctx, { username: 'zhang.wei', organization: west.code }, { ip })).statusCode).toBe(200);
    // name@code is the same account as the organization field: no way around the limit.
    expect((await signIn(ctx, { username: `zhang.wei@${east.code.toUpperCase()}` }, { ip })).statusCode).toBe(429);
  });

  it('sessions and /auth/me belong to the organization signed in to', async () => {
    const cookie = (await signIn(ctx, { username: 'zhang.wei', organization: west.code })).cookies.find(
      (c) => c.name === 'guanxi_session',
    )!.value;
    const me = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: `guanxi_session=${cookie}` },
    });
    // The web dates "today" by the organization's calendar, so the profile carries its zone.
    expect(me.json()).toMatchObject({
      orgId: west.orgId,
      orgCode: west.code,
      orgTimeZone: 'Asia/Shanghai',
      systemOperator: false,
    });
    await ctx.database.db.execute(sql`update organizations set time_zone = 'Europe/Berlin' where id = ${west.orgId}`);
    const moved = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: `guanxi_session=${cookie}` },
    });
    expect(moved.json().orgTimeZone).toBe('Europe/Berlin');
    const sessions = await queryRows<{ org_id: string }>(
      ctx.database.db,
      sql`select org_id from sessions where user_id = ${me.json().id}`,
    );
    expect(sessions.length).toBeGreaterThan(0);
    expect(new Set(sessions.map((s) => s.org_id))).toEqual(new Set([west.orgId]));
  });
});
