import type { TestContext, TestUser, Client } from './test-app.js';

/**
 * The personas of security.md: admin; head of sales (department + sub-departments); manager of
 * Sales-East (department); salespeople R1, R2 in Sales-East and R3 in Sales-West (own); clerk;
 * finance; warehouse; customer service with a hidden phone field. Each salesperson owns customers.
 */
export interface Personas {
  orgId: string;
  roleIds: Record<string, string>;
  departments: { sales: string; east: string; west: string; office: string };
  users: Record<
    'admin' | 'head' | 'eastManager' | 'r1' | 'r2' | 'r3' | 'clerk' | 'finance' | 'warehouse' | 'service',
    TestUser
  >;
  clients: Record<keyof Personas['users'], Client>;
  /** Customer ids by owner persona. */
  customers: Record<'head' | 'eastManager' | 'r1' | 'r2' | 'r3', string[]>;
}

export async function createPersonas(ctx: TestContext, options: { customersEach?: number } = {}): Promise<Personas> {
  const { orgId, roleIds } = await ctx.createOrg();
  const office = await ctx.createDepartment(orgId, 'Office');
  const sales = await ctx.createDepartment(orgId, 'Sales');
  const east = await ctx.createDepartment(orgId, 'Sales-East', sales);
  const west = await ctx.createDepartment(orgId, 'Sales-West', sales);
  const serviceRole = await ctx.createRole(orgId, {
    code: 'service_hidden_phone',
    permissions: ['customers.view', 'customers.edit'],
    dataScope: 'all',
    fieldPermissions: { 'customers.phone': 'hidden', 'customers.remarks': 'read' },
  });
  const user = (role: string, departmentId: string, managerId: string | null = null) =>
    ctx.createUser({ orgId, roleIds: [role], departmentId, managerId });
  const admin = await user(roleIds.admin!, office);
  const head = await user(roleIds.sales_director!, sales);
  const eastManager = await user(roleIds.sales_manager!, east, head.id);
  const r1 = await user(roleIds.salesperson!, east, eastManager.id);
  const r2 = await user(roleIds.salesperson!, east, eastManager.id);
  const r3 = await user(roleIds.salesperson!, west, head.id);
  const clerk = await user(roleIds.clerk!, sales);
  const finance = await user(roleIds.finance!, office);
  const warehouse = await user(roleIds.warehouse!, office);
  const service = await user(serviceRole, office);
  const users = { admin, head, eastManager, r1, r2, r3, clerk, finance, warehouse, service };
  const clients = {} as Personas['clients'];
  for (const [key, value] of Object.entries(users)) clients[key as keyof typeof users] = await ctx.login(value);

  const each = options.customersEach ?? 3;
  const customers = { head: [], eastManager: [], r1: [], r2: [], r3: [] } as Personas['customers'];
  let n = 0;
  for (const owner of Object.keys(customers) as (keyof typeof customers)[]) {
    for (let i = 0; i < each; i++) {
      n++;
      const response = await clients[owner].post('/api/v1/customers', {
        kind: 'company',
        name: `${owner}客户${i}号贸易有限公司`,
        phone: `1380000${String(n).padStart(4, '0')}`,
        email: `${owner}.${i}@example.cn`,
        remarks: `remark of ${owner}`,
      });
      if (response.statusCode !== 201) throw new Error(`seed customer failed: ${response.body}`);
      customers[owner].push((response.json() as { id: string }).id);
    }
  }
  return {
    orgId,
    roleIds: { ...roleIds, service: serviceRole },
    departments: { sales, east, west, office },
    users,
    clients,
    customers,
  };
}

/** The administrator of a second organization, for isolation checks (security A11). */
export async function createOtherOrgAdmin(
  ctx: TestContext,
): Promise<{ client: Client; roleIds: Record<string, string> }> {
  const other = await ctx.createOrg();
  const client = await ctx.login(await ctx.createUser({ orgId: other.orgId, roleIds: [other.roleIds.admin!] }));
  return { client, roleIds: other.roleIds };
}
