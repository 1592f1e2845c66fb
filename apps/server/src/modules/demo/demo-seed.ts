import { DEMO_ORGANIZATION_CODE, SOURCES, STAGES, TIERS } from '@guanxi/contract';
import { hashPassword } from '../../platform/auth/passwords.js';
import type { Db } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import type { customers } from '../../platform/db/schema/index.js';
import { customerDerivedValues, insertCustomerRows, setNextCustomerNo } from '../customers/index.js';
import { createOrganization, insertDepartment, insertUser } from '../org/index.js';
import { companyName, mobileNumber, personName, pick, seededRandom } from './company-names.js';
import { demoSeedsInOrder } from '../../platform/module-kit/composition.js';
import { organizationSeeders, serverModules } from '../registry.js';

export const DEMO_ORG_NAME = '示例科技有限公司';
/**
 * Demo only: every demo login shares this password (README says so). It is deliberately weak —
 * it contains the product name, which the password rules refuse — and is hashed here directly,
 * never set through those rules.
 */
export const DEMO_PASSWORD = 'guanxi-demo';

export const DEMO_LOGINS = [
  ['admin', '系统管理员'],
  ['sales.head', '销售总监（本部门及下属部门）'],
  ['east.manager', '华东销售经理（本部门）'],
  ['south.manager', '华南销售经理（本部门）'],
  ['east.rep1', '华东销售员（本人）'],
  ['east.rep2', '华东销售员（本人）'],
  ['south.rep1', '华南销售员（本人）'],
  ['clerk', '录入员'],
  ['finance', '财务'],
  ['warehouse', '仓储'],
  ['service', '客服'],
  ['exec', '只读高管（全部）'],
] as const;

/** Seeds the demo organization "示例科技有限公司" with departments, 12 users and ~200 customers. */
export async function seedDemoOrganization(
  db: Db,
  options: { customerCount?: number } = {},
): Promise<{ orgId: string }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const { orgId, roleIds } = await createOrganization(tx, {
      name: DEMO_ORG_NAME,
      code: DEMO_ORGANIZATION_CODE,
      seeders: organizationSeeders,
    });
    const dept = async (name: string, parentId: string | null, sortOrder: number) =>
      insertDepartment(tx, { orgId, name, parentId, sortOrder });
    const office = await dept('总经办', null, 1);
    const sales = await dept('销售部', null, 2);
    const east = await dept('华东销售组', sales, 1);
    const south = await dept('华南销售组', sales, 2);
    const finance = await dept('财务部', null, 3);
    const warehouse = await dept('仓储部', null, 4);
    const service = await dept('客服部', null, 5);

    const user = (
      username: string,
      displayName: string,
      departmentId: string,
      role: string,
      managerId: string | null = null,
    ) =>
      insertUser(tx, {
        orgId,
        username,
        displayName,
        passwordHash,
        departmentId,
        managerId,
        roleIds: [roleIds[role]!],
      });
    // The demo's administrator also operates the installation (may run the nightly ANALYZE by hand).
    const admin = await insertUser(tx, {
      orgId,
      username: 'admin',
      displayName: '周管理',
      passwordHash,
      departmentId: office,
      roleIds: [roleIds.admin!],
      systemOperator: true,
    });
    const head = await user('sales.head', '王总监', sales, 'sales_director');
    const eastManager = await user('east.manager', '李经理', east, 'sales_manager', head);
    const southManager = await user('south.manager', '陈经理', south, 'sales_manager', head);
    const eastRep1 = await user('east.rep1', '张小明', east, 'salesperson', eastManager);
    const eastRep2 = await user('east.rep2', '刘小红', east, 'salesperson', eastManager);
    const southRep1 = await user('south.rep1', '黄大伟', south, 'salesperson', southManager);
    await user('clerk', '赵录入', sales, 'clerk', head);
    const financeUser = await user('finance', '孙会计', finance, 'finance', admin);
    await user('warehouse', '吴库管', warehouse, 'warehouse', admin);
    await user('service', '郑客服', service, 'customer_service', admin);
    await user('exec', '钱总', office, 'executive');

    const random = seededRandom(20261123);
    const owners = [eastRep1, eastRep1, eastRep2, eastRep2, southRep1, southRep1, eastManager, southManager, head];
    const count = options.customerCount ?? 200;
    const rows: (typeof customers.$inferInsert)[] = [];
    for (let i = 1; i <= count; i++) {
      const isPerson = random() < 0.3;
      const company = companyName(random);
      const name = isPerson ? personName(random) : company.name;
      const phone = mobileNumber(random);
      const customerNo = `KH${String(i).padStart(6, '0')}`;
      const daysAgo = Math.floor(random() * 700);
      const row = {
        orgId,
        id: newId(),
        customerNo,
        kind: isPerson ? 'person' : 'company',
        name,
        phone,
        email: isPerson ? null : `info${i}@example.cn`,
        // Birthdays spread over the coming year (no random draw: the rest of the demo stays the same),
        // so the member birthday list has entries on any day the demo is started.
        birthday: isPerson ? demoBirthday(i) : null,
        industry: isPerson ? null : company.industry,
        tier: pick(random, TIERS),
        source: pick(random, SOURCES),
        stage: pick(random, STAGES),
        city: company.city,
        ownerId: pick(random, owners),
        createdBy: admin,
        createdAt: new Date(Date.now() - daysAgo * 86400_000),
        updatedAt: new Date(Date.now() - Math.floor(daysAgo * random()) * 86400_000),
      };
      // The last change was the move into the current stage: days in stage and dwell show a spread
      // on first start instead of zero everywhere (no extra random draw, so the rest of the demo is unchanged).
      const stageEnteredAt = row.updatedAt;
      rows.push({ ...row, stageEnteredAt, ...customerDerivedValues(row) });
    }
    for (let i = 0; i < rows.length; i += 100) await insertCustomerRows(tx, rows.slice(i, i + 100));
    await setNextCustomerNo(tx, orgId, count + 1);
    const dealCustomers = rows.filter(
      (r) => r.ownerId === eastRep1 || r.ownerId === eastRep2 || r.ownerId === southRep1,
    );
    const demo = {
      orgId,
      dealCustomers: dealCustomers.map((r) => ({ id: r.id, ownerId: r.ownerId! })),
      financeUserId: financeUser,
    };
    // Each module's demo records, after those they build on (orders after products and stock …).
    for (const { seed } of demoSeedsInOrder(serverModules)) await seed.seed(tx, demo);
    return { orgId };
  });
}

/** A person's birthday for the demo: a year from 1960 on, and a day `i × 3` days after today. */
function demoBirthday(i: number): string {
  const day = new Date(Date.now() + ((i * 3) % 365) * 86_400_000).toISOString().slice(5, 10);
  return `${1960 + (i % 40)}-${day === '02-29' ? '02-28' : day}`;
}
