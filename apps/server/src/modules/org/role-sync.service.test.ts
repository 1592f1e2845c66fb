import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/query.js';
import { newId } from '../../platform/db/ids.js';
import { DEFAULT_ROLES, templatePermissionsOf } from './default-roles.js';
import { organizationsRepository } from './organizations.repository.js';
import { planRoleSync, syncBuiltInRoles } from './role-sync.service.js';
import { useTestContext } from '../../test/file-context.js';

const ctx = useTestContext();

const template = (code: string) => templatePermissionsOf(DEFAULT_ROLES.find((t) => t.code === code)!);
const without = (list: readonly string[], ...drop: string[]) => list.filter((p) => !drop.includes(p));

interface StoredRole {
  permissions: string[];
  templatePermissions: string[] | null;
  version: number;
}
const roleOf = async (orgId: string, id: string): Promise<StoredRole> =>
  (
    await queryRows<StoredRole>(
      ctx.database.db,
      sql`select permissions, template_permissions as "templatePermissions", version from roles where org_id = ${orgId} and id = ${id}`,
    )
  )[0]!;
/** Puts a role in the state an older release (or an admin of one) would have left it in. */
const setRole = (orgId: string, id: string, state: { permissions: string[]; templatePermissions: string[] | null }) =>
  ctx.database.db.execute(
    sql`update roles set permissions = ${JSON.stringify(state.permissions)}::jsonb,
               template_permissions = ${state.templatePermissions === null ? null : JSON.stringify(state.templatePermissions)}::jsonb
         where org_id = ${orgId} and id = ${id}`,
  );
const syncAuditOf = (orgId: string) =>
  queryRows<{
    entityId: string;
    actorId: string | null;
    before: StoredRole;
    after: StoredRole & { added: string[]; removed: string[] };
  }>(
    ctx.database.db,
    sql`select entity_id as "entityId", actor_id as "actorId", before, after from audit_log
         where org_id = ${orgId} and entity = 'role' and action = 'template_sync' order by at, id`,
  );
const syncOrg = async (orgId: string) => (await syncBuiltInRoles(ctx.database.db)).filter((c) => c.orgId === orgId);

describe('syncing built-in roles with their templates', () => {
  it('a new organization starts with every built-in role in sync with its template', async () => {
    const { orgId, roleIds } = await ctx.createOrg();
    expect((await roleOf(orgId, roleIds.salesperson!)).templatePermissions).toEqual(template('salesperson'));
    expect(await syncOrg(orgId)).toEqual([]);
  });

  it('a salesperson of an organization created before a feature gets its permission: 403 becomes 200, audited as the system', async () => {
    const { orgId, roleIds } = await ctx.createOrg();
    const roleId = roleIds.salesperson!;
    const old = without(template('salesperson'), 'leads.view');
    await setRole(orgId, roleId, { permissions: old, templatePermissions: old });
    const rep = await ctx.login(await ctx.createUser({ orgId, roleIds: [roleId] }));
    expect((await rep.get('/api/v1/leads')).statusCode).toBe(403);

    expect(await syncOrg(orgId)).toEqual([{ orgId, roleId, code: 'salesperson', added: ['leads.view'], removed: [] }]);
    expect((await rep.get('/api/v1/leads')).statusCode).toBe(200);
    const role = await roleOf(orgId, roleId);
    expect(role).toMatchObject({ templatePermissions: template('salesperson'), version: 2 });
    expect([...role.permissions].sort()).toEqual([...template('salesperson')].sort());
    const [entry, ...more] = await syncAuditOf(orgId);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      entityId: roleId,
      actorId: null,
      before: { permissions: old, templatePermissions: old },
      after: { added: ['leads.view'], removed: [] },
    });
    expect(entry!.after.permissions).toContain('leads.view');
  });

  it('a permission the admin removed stays removed while the template’s newer ones arrive', async () => {
    const { orgId, roleIds } = await ctx.createOrg();
    const roleId = roleIds.salesperson!;
    const admin = await ctx.login(await ctx.createUser({ orgId, roleIds: [roleIds.admin!] }));
    const edited = await admin.patch(`/api/v1/roles/${roleId}`, {
      permissions: without(template('salesperson'), 'leads.convert'),
      version: 1,
    });
    expect(edited.statusCode).toBe(200);
    // The template gained pools.claim after this role's snapshot was taken.
    await setRole(orgId, roleId, {
      permissions: without(template('salesperson'), 'leads.convert', 'pools.claim'),
      templatePermissions: without(template('salesperson'), 'pools.claim'),
    });

    expect(await syncOrg(orgId)).toEqual([{ orgId, roleId, code: 'salesperson', added: ['pools.claim'], removed: [] }]);
    const role = await roleOf(orgId, roleId);
    expect(role.permissions).toContain('pools.claim');
    expect(role.permissions).not.toContain('leads.convert');
    expect(role.templatePermissions).toEqual(template('salesperson'));
  });

  it('a permission the template dropped stays while the catalog knows it and goes once the catalog does not', async () => {
    const { orgId, roleIds } = await ctx.createOrg();
    const roleId = roleIds.salesperson!;
    const old = [...template('salesperson'), 'customers.delete', 'legacy.report'];
    await setRole(orgId, roleId, { permissions: old, templatePermissions: old });

    expect(await syncOrg(orgId)).toEqual([
      { orgId, roleId, code: 'salesperson', added: [], removed: ['legacy.report'] },
    ]);
    const role = await roleOf(orgId, roleId);
    expect(role.permissions).toContain('customers.delete');
    expect(role.permissions).not.toContain('legacy.report');
    expect(role.templatePermissions).toEqual(template('salesperson'));
  });

  it('custom roles are untouched, even one whose code matches a template', async () => {
    const orgId = newId();
    await organizationsRepository.insertOrganization(ctx.database.db, {
      id: orgId,
      name: 'Custom roles only',
      code: `custom-${orgId.slice(-12)}`,
    });
    const roleId = await ctx.createRole(orgId, {
      code: 'salesperson',
      permissions: ['customers.view'],
      dataScope: 'own',
    });

    expect(await syncOrg(orgId)).toEqual([]);
    expect(await roleOf(orgId, roleId)).toEqual({
      permissions: ['customers.view'],
      templatePermissions: null,
      version: 1,
    });
    expect(await syncAuditOf(orgId)).toEqual([]);
  });

  it('is idempotent: a second run changes nothing and writes no audit entry', async () => {
    const { orgId, roleIds } = await ctx.createOrg();
    const roleId = roleIds.clerk!;
    const old = without(template('clerk'), 'leads.assign', 'lifecycle.view');
    await setRole(orgId, roleId, { permissions: old, templatePermissions: old });
    expect(await syncOrg(orgId)).toHaveLength(1);
    const synced = await roleOf(orgId, roleId);

    expect(await syncBuiltInRoles(ctx.database.db)).toEqual([]);
    expect(await roleOf(orgId, roleId)).toEqual(synced);
    expect(await syncAuditOf(orgId)).toHaveLength(1);
  });

  it('a role without a snapshot (created by an older server) counts its own permissions as the snapshot', () => {
    const old = ['customers.view', 'leads.view'];
    expect(planRoleSync({ permissions: old, templatePermissions: null }, ['customers.view', 'customers.edit'])).toEqual(
      {
        permissions: [...old, 'customers.edit'],
        added: ['customers.edit'],
        removed: [],
      },
    );
  });
});
