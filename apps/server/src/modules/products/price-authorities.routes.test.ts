import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/query.js';
import { createOtherOrgAdmin } from '../../test/personas.js';
import { priceAuthority } from './index.js';
import { usePersonas } from '../../test/file-context.js';
import { errorFieldsOf } from '../../test/responses.js';

const { ctx, p } = usePersonas({ customersEach: 0 });

interface Row {
  roleId: string;
  roleCode: string;
  stage: string | null;
  basis: string;
  percentBp: number;
}
const matrix = async () => {
  const response = await p.clients.r1.get('/api/v1/price-authorities');
  expect(response.statusCode).toBe(200);
  return response.json().items as Row[];
};
const put = (rows: unknown[], client = p.clients.finance) => client.put('/api/v1/price-authorities', { rows });

describe('price authorities', () => {
  it('a new organization starts with the default matrix, readable with products.view', async () => {
    const rows = await matrix();
    const of = (code: string, stage: string | null) => rows.find((r) => r.roleCode === code && r.stage === stage);
    expect(rows).toHaveLength(8);
    const roles = (await p.clients.r1.get('/api/v1/price-authorities')).json().roles as { id: string; code: string }[];
    expect(roles).toContainEqual(expect.objectContaining({ id: p.roleIds.clerk, code: 'clerk' }));
    expect(of('salesperson', 'first_purchase')).toMatchObject({ basis: 'cost', percentBp: 10_000 });
    expect(of('salesperson', 'repeat')).toMatchObject({ basis: 'list', percentBp: 9_000 });
    expect(of('sales_manager', null)).toMatchObject({ basis: 'list', percentBp: 8_500 });
    expect(of('sales_director', null)).toMatchObject({ basis: 'list', percentBp: 8_000 });
    expect(of('admin', null)).toMatchObject({ basis: 'cost', percentBp: 0 });
  });

  it('PUT replaces the whole matrix in one audited step, and floors follow it at once', async () => {
    const before = await matrix();
    const rows = [
      { roleId: p.roleIds.salesperson, stage: null, basis: 'list', percentBp: 9_200 },
      { roleId: p.roleIds.salesperson, stage: 'first_purchase', basis: 'cost', percentBp: 11_000 },
      { roleId: p.roleIds.sales_manager, stage: null, basis: 'list', percentBp: 8_000 },
    ];
    const response = await put(rows);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().items).toHaveLength(3);
    expect(await matrix()).toHaveLength(3);
    const floor = await priceAuthority.floorFor(ctx.database.db, {
      orgId: p.orgId,
      sellerId: p.users.r1.id,
      stage: 'first_purchase',
    });
    expect(floor({ listPriceFen: 10_000, costPriceFen: 5_000 })).toBe(5_500);
    const audit = await queryRows<{ before: unknown[]; after: unknown[] }>(
      ctx.database.db,
      sql`select before, after from audit_log where org_id = ${p.orgId} and entity = 'price_authority' order by id`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before).toHaveLength(before.length);
    expect(audit[0]!.after).toHaveLength(3);
  });

  it('refuses an unknown role (400 naming rows.i.roleId) and a duplicate role × stage, keeping the old matrix', async () => {
    const kept = await matrix();
    const unknownRole = await put([
      { roleId: p.roleIds.salesperson, stage: null, basis: 'list', percentBp: 9_000 },
      { roleId: (await createOtherOrgAdmin(ctx)).roleIds.salesperson, stage: null, basis: 'list', percentBp: 1 },
    ]);
    expect(unknownRole.statusCode).toBe(400);
    expect(unknownRole.json().error.fields).toEqual([{ field: 'rows.1.roleId', message: expect.any(String) }]);
    expect(unknownRole.json().error.message).toBe('该角色在本组织中不存在。');
    const duplicate = await put([
      { roleId: p.roleIds.salesperson, stage: 'repeat', basis: 'list', percentBp: 9_000 },
      { roleId: p.roleIds.salesperson, stage: 'repeat', basis: 'cost', percentBp: 12_000 },
    ]);
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().error.fields[0].field).toBe('rows.1.stage');
    const badValues = await put([
      { roleId: p.roleIds.salesperson, stage: 'nowhere', basis: 'list', percentBp: 100_001 },
    ]);
    expect(badValues.statusCode).toBe(400);
    expect(errorFieldsOf(badValues)).toEqual(['rows.0.percentBp', 'rows.0.stage']);
    expect(await matrix()).toEqual(kept);
  });

  it('only products.manage may replace the matrix (403), and an empty matrix means list price for everyone', async () => {
    const denied = await put([], p.clients.eastManager);
    expect(denied.statusCode).toBe(403);
    expect((await p.clients.service.get('/api/v1/price-authorities')).statusCode).toBe(403);
    const emptied = await put([], p.clients.admin);
    expect(emptied.statusCode).toBe(200);
    const floor = await priceAuthority.floorFor(ctx.database.db, {
      orgId: p.orgId,
      sellerId: p.users.head.id,
      stage: 'repeat',
    });
    expect(floor({ listPriceFen: 4_321, costPriceFen: 1 })).toBe(4_321);
  });
});
