import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors/app-error.js';
import { queryRows } from '../../platform/db/query.js';
import { createOrganizationWithAdmin } from './create-admin.js';
import { organizationCodeBase } from './organization-code.js';
import { useTestContext } from '../../test/file-context.js';
import { organizationSeeders } from '../../test/test-app.js';

const ctx = useTestContext();

const PASSWORD = 'blue-lantern-orchard';
const signIn = (username: string, organization?: string) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: PASSWORD, organization },
  });
const failureOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

describe('create-admin (issue 10)', () => {
  it('derives a readable code from the name: pinyin initials of Chinese, Latin words, without the legal form', () => {
    expect(organizationCodeBase('示例科技有限公司')).toBe('slkj');
    expect(organizationCodeBase('重庆银行股份有限公司')).toBe('cqyh');
    expect(organizationCodeBase('Acme Trading Co., Ltd.')).toBe('acme-trading');
    expect(organizationCodeBase('北京ABC科技')).toBe('bj-abc-kj');
    expect(organizationCodeBase('！！')).toBe('org');
  });

  it("the installation's first organization gets an operator; later ones only with --operator; codes are made unique", async () => {
    const first = await createOrganizationWithAdmin(ctx.database.db, {
      seeders: organizationSeeders,
      name: '华为技术有限公司',
      username: 'boss',
      password: PASSWORD,
    });
    expect(first).toMatchObject({ code: 'hwjs', systemOperator: true });
    const second = await createOrganizationWithAdmin(ctx.database.db, {
      seeders: organizationSeeders,
      name: '华为技术',
      username: 'boss',
      password: PASSWORD,
    });
    expect(second).toMatchObject({ code: 'hwjs-2', systemOperator: false });
    const third = await createOrganizationWithAdmin(ctx.database.db, {
      seeders: organizationSeeders,
      name: '华为技术',
      username: 'boss',
      password: PASSWORD,
      operator: true,
    });
    expect(third).toMatchObject({ code: 'hwjs-3', systemOperator: true });
    const operators = await queryRows<{ id: string }>(
      ctx.database.db,
      sql`select id from users where system_operator order by id`,
    );
    expect(operators.map((u) => u.id).sort()).toEqual([first.userId, third.userId].sort());

    // The same login name in each; the code says which one signs in.
    expect((await signIn('boss@hwjs-2')).json()).toMatchObject({ orgId: second.orgId, systemOperator: false });
    expect((await signIn('boss', 'HWJS')).json()).toMatchObject({
      orgId: first.orgId,
      orgCode: 'hwjs',
      systemOperator: true,
    });
  });

  it('takes a given code in lower case, and refuses a malformed or taken one naming the code', async () => {
    const created = await createOrganizationWithAdmin(ctx.database.db, {
      seeders: organizationSeeders,
      name: 'Acme',
      code: ' ACME ',
      username: 'root.admin',
      password: PASSWORD,
    });
    expect(created.code).toBe('acme');
    for (const code of ['a', '-acme', 'acme-', 'acme_co', '示例', 'x'.repeat(33)]) {
      const error = await failureOf(
        createOrganizationWithAdmin(ctx.database.db, {
          seeders: organizationSeeders,
          name: 'Bad',
          code,
          username: 'root.admin',
          password: PASSWORD,
        }),
      );
      expect(error.options.fields, code).toEqual([{ field: 'code', key: 'validation.organizationCode' }]);
    }
    const taken = await failureOf(
      createOrganizationWithAdmin(ctx.database.db, {
        seeders: organizationSeeders,
        name: 'Acme 2',
        code: 'Acme',
        username: 'x.admin',
        password: PASSWORD,
      }),
    );
    expect(taken).toMatchObject({ status: 409, key: 'error.organizationCodeTaken' });
  });

  it('refuses a password holding the username, the organization name or code or the product name, and creates nothing', async () => {
    const before = await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from organizations`);
    for (const password of [
      'guanxi-admin-2024',
      '示例科技有限公司2024',
      'tea-shop-owner!',
      'chief.admin-pass',
      ' '.repeat(9),
    ]) {
      const error = await failureOf(
        createOrganizationWithAdmin(ctx.database.db, {
          seeders: organizationSeeders,
          name: '示例科技有限公司',
          code: 'tea-shop',
          username: 'chief.admin',
          password,
        }),
      );
      expect(error.options.fields?.[0]?.field, password).toBe('password');
    }
    const invalidName = await failureOf(
      createOrganizationWithAdmin(ctx.database.db, {
        seeders: organizationSeeders,
        name: 'X',
        username: 'a@b',
        password: PASSWORD,
      }),
    );
    expect(invalidName.options.fields).toEqual([{ field: 'username', key: 'validation.username' }]);
    const after = await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from organizations`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});
