import type { Page } from 'playwright-core';
import { api, loginAs, type BrowserFixture } from './browser.js';
import { answered } from './settle.js';

export interface DemoUserOptions {
  username: string;
  displayName: string;
  /** Name of the demo department the user is placed in. */
  departmentName: string;
  role: { code: string; name: string; dataScope: string };
  /** Permissions on top of the demo salesperson's. */
  extraPermissions: string[];
  /** Anything else the admin sets up first, with the department's id. */
  prepare?: (admin: Page, departmentId: string) => Promise<void>;
}

const PASSWORD = 'amber-river-lantern';

/**
 * A new user of the demo organization with a role of their own (a salesperson's rights plus
 * `extraPermissions`), set up by the admin through the API, then signed in on a fresh page.
 */
export async function signInAsNewDemoUser(fixture: BrowserFixture, options: DemoUserOptions): Promise<Page> {
  const setup = await fixture.browser.newContext();
  const admin = await setup.newPage();
  await loginAs(admin, fixture.baseUrl, 'admin');
  const departments = (await api(admin, 'GET', '/api/v1/departments')).items as { id: string; name: string }[];
  const departmentId = departments.find((d) => d.name === options.departmentName)!.id;
  const salesperson = (await api(admin, 'GET', '/api/v1/roles')).items.find(
    (r: { code: string }) => r.code === 'salesperson',
  );
  const permissions = [...salesperson.permissions, ...options.extraPermissions];
  const role = await api(admin, 'POST', '/api/v1/roles', { ...options.role, permissions });
  await api(admin, 'POST', '/api/v1/users', {
    username: options.username,
    displayName: options.displayName,
    password: PASSWORD,
    departmentId,
    managerId: null,
    roleIds: [role.id],
  });
  await options.prepare?.(admin, departmentId);
  await setup.close();

  const page = await (await fixture.browser.newContext()).newPage();
  await page.goto(`${fixture.baseUrl}/login`);
  await page.getByTestId('login-username').fill(options.username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await answered(page, 'POST /auth/login', page.getByTestId('login-submit'));
  return page;
}
