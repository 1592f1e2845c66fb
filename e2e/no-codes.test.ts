import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';
import { SETTLE_MS, still } from './settle.js';

/**
 * Issue 14 item 5, "no internal codes on screen": every page of the app, as the administrator sees
 * it in zh-CN (and a few in English), shows no message key, enum value or id prefix. The routes are
 * read from App.tsx, so a new page is walked without touching this test.
 */

let fixture: BrowserFixture;
let admin: Page;

beforeAll(async () => {
  fixture = await startBrowserFixture();
  admin = await (await fixture.browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await loginAs(admin, fixture.baseUrl, 'admin');
});
afterAll(() => fixture?.close());

/** Every route path of the app's router, as written in App.tsx (the catch-all left out). */
const appRoutes = (): string[] => {
  const source = readFileSync(new URL('../apps/web/src/App.tsx', import.meta.url), 'utf8');
  const paths = [...source.matchAll(/path: '([^']+)'/g)].map((m) => m[1]!);
  return paths.filter((path) => path !== '*' && path !== '/login').map((path) => `/${path.replace(/^\//, '')}`);
};

/** Where a detail route's id comes from: the first record of this list (the query picks a fitting one). */
const ID_SOURCES: Record<string, string> = {
  '/customers/:id': '/api/v1/customers?limit=1',
  '/leads/:id': '/api/v1/leads?limit=1',
  '/lead-pools/:poolId': '/api/v1/lead-pools',
  '/pools/:poolId': '/api/v1/customer-pools',
  '/opportunities/:id': '/api/v1/opportunities?limit=1',
  '/work-reports/:id': '/api/v1/work-reports?limit=1',
  '/work-plans/:id': '/api/v1/work-plans?limit=1',
  '/orders/:id': '/api/v1/orders?limit=1',
  '/orders/:id/edit': '/api/v1/orders?limit=1&status=draft',
  '/orders/:id/print': '/api/v1/orders?limit=1',
  '/imports/:id': '/api/v1/imports?limit=1',
  '/complaints/:id': '/api/v1/complaints?limit=1',
};

const today = () => new Date().toISOString().slice(0, 10);

/** Records the demo has none of, made through the API as a user would. */
const CREATE: Record<string, () => Promise<{ id: string }>> = {
  '/work-reports/:id': () =>
    api(admin, 'POST', '/api/v1/work-reports', { kind: 'daily', period: today(), work: '拜访两家客户，整理报价' }),
  '/work-plans/:id': () =>
    api(admin, 'POST', '/api/v1/work-plans', { kind: 'weekly', period: today(), note: '本周拜访重点客户' }),
  '/lead-pools/:poolId': () => api(admin, 'POST', '/api/v1/lead-pools', { name: '2026 广交会名片' }),
  '/leads/:id': () =>
    api(admin, 'POST', '/api/v1/leads', { name: '展会名片 王先生', companyName: '杭州示例贸易有限公司' }),
  '/imports/:id': () =>
    admin.evaluate(async () => {
      const form = new FormData();
      form.append('kind', 'customers');
      const csv = '客户名称,类型,电话\r\n导入示例有限公司,公司,021-66668888\r\n';
      form.append('file', new Blob([csv], { type: 'text/csv' }), '客户.csv');
      const response = await fetch('/api/v1/imports', {
        method: 'POST',
        headers: { 'X-Requested-With': 'XMLHttpRequest' },
        body: form,
      });
      if (!response.ok) throw new Error(`POST /imports: ${response.status} ${await response.text()}`);
      return response.json();
    }),
};

async function concretePath(route: string): Promise<string> {
  if (!route.includes(':')) return route;
  const source = ID_SOURCES[route];
  if (!source) throw new Error(`no id source for ${route}: add one to ID_SOURCES`);
  const answer = await api(admin, 'GET', source);
  const first = ((Array.isArray(answer) ? answer : answer.items)[0] ?? (await CREATE[route]?.())) as
    { id: string } | undefined;
  if (!first) throw new Error(`the demo data has nothing for ${route} (${source})`);
  return route.replace(/:[a-zA-Z]+/, first.id);
}

/** Waits until the page has loaded its data and stopped moving: no request in flight, no spinner. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: SETTLE_MS });
  await page.waitForFunction(
    () => document.querySelector('.ant-spin-spinning, .ant-skeleton-active') === null,
    undefined,
    {
      timeout: SETTLE_MS,
    },
  );
  await still(page);
}

/** The body's text and what its charts draw on their canvases (their accessible labels). */
const pageText = async (page: Page): Promise<string> =>
  [
    await page.locator('body').innerText(),
    ...(await page
      .locator('.echarts-for-react[aria-label]')
      .evaluateAll((charts) => charts.map((chart) => chart.getAttribute('aria-label') ?? ''))),
  ].join('\n');

/** The page's visible text, with every tab of every tab bar opened in turn (a customer's timeline is one). */
async function visibleText(page: Page): Promise<string> {
  await settled(page);
  const texts = [await pageText(page)];
  const tabs = page.locator('.ant-tabs-tab:not(.ant-tabs-tab-disabled)');
  const count = await tabs.count();
  for (let i = 1; i < count; i++) {
    const tab = tabs.nth(i);
    if (!(await tab.isVisible())) continue;
    await tab.click();
    await settled(page);
    texts.push(await pageText(page));
  }
  return texts.join('\n');
}

/** Text that may look like a key but is data a user typed or needs: addresses, emails, file names, login names. */
const ALLOWED = [
  /\bhttps?:\/\/\S+/g,
  /[\w.+-]+@[\w-]+(\.[\w-]+)+/g,
  /\b[\w-]+\.(xlsx|xls|csv|pdf|png|jpe?g|txt|json|zip|docx?|ndjson|gz)\b/gi,
  /\b(e\.g|i\.e|etc)\b\.?/g,
];

/**
 * What must not be on screen: a message key (`lifecycle.event`, `job.name_tasks_reminders`), an
 * enum value (`first_purchase`, `pending_approval`) or an id prefix (`01a24b2f`).
 */
const CODE_PATTERNS: [string, RegExp][] = [
  ['message key', /\b[a-z][a-zA-Z]*(\.[a-zA-Z_]+)+\b/g],
  ['enum value', /\b[a-z]+(_[a-z]+)+\b/g],
  ['id', /\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{8,}\b/g],
];

function codesIn(text: string, allowedWords: readonly string[]): string[] {
  let rest = text;
  for (const pattern of ALLOWED) rest = rest.replace(pattern, ' ');
  for (const word of allowedWords) rest = rest.split(word).join(' ');
  return CODE_PATTERNS.flatMap(([kind, pattern]) => [...rest.matchAll(pattern)].map((m) => `${kind} "${m[0]}"`));
}

/** Login names are shown as typed (`sales.head`): they are the users' own, not codes. */
async function loginNames(): Promise<string[]> {
  const users = await api(admin, 'GET', '/api/v1/users?limit=200');
  return (users.items as { username: string }[]).map((u) => u.username).sort((a, b) => b.length - a.length);
}

async function findCodes(paths: readonly string[]): Promise<string[]> {
  const names = await loginNames();
  const found: string[] = [];
  for (const route of paths) {
    const path = await concretePath(route).catch((error: Error) => {
      found.push(`${route}: ${error.message}`);
      return null;
    });
    if (path === null) continue;
    await admin.goto(`${fixture.baseUrl}${path}`);
    const codes = codesIn(await visibleText(admin), names);
    if (codes.length > 0) found.push(`${route}: ${[...new Set(codes)].join(', ')}`);
  }
  return found;
}

/** A create/edit drawer or modal of a page: where it lives and what opens it. */
interface Dialog {
  name: string;
  route: string;
  open: string;
  /** A tab to open before the button (the follow-up log sits on the customer's timeline). */
  tab?: string;
  /** The button leads to a page of its own rather than a drawer or modal. */
  page?: boolean;
}

const DIALOGS: Dialog[] = [
  { name: 'customer new', route: '/customers', open: 'customer-new' },
  { name: 'opportunity new', route: '/opportunities', open: 'opportunity-new' },
  { name: 'order new', route: '/orders', open: 'order-new', page: true },
  { name: 'expense new', route: '/expenses', open: 'expense-new' },
  { name: 'task new', route: '/tasks', open: 'task-new' },
  { name: 'complaint new', route: '/complaints', open: 'complaint-new' },
  { name: 'product new', route: '/products', open: 'product-new' },
  { name: 'lead new', route: '/leads', open: 'lead-new' },
  { name: 'follow-up log', route: '/customers/:id', tab: '时间线', open: 'follow-up-log' },
];

const ENGLISH_PHRASE = /\b[A-Za-z][a-z]+( [a-z]+)+\b/g;

const OPEN_DIALOG = '[role="dialog"]:visible';

/**
 * The text of an opened drawer or modal (or the page it leads to), with every select opened in turn:
 * an option list is where an enum value would hide.
 */
async function dialogText(page: Page, ownPage: boolean): Promise<string> {
  const scope = ownPage ? page.locator('.ant-layout-content').first() : page.locator(OPEN_DIALOG).last();
  await scope.waitFor({ timeout: SETTLE_MS });
  await settled(page);
  const texts = [await scope.innerText()];
  const selects = scope.locator('.ant-select:not(.ant-select-disabled)');
  const count = await selects.count();
  for (let i = 0; i < count; i++) {
    const select = selects.nth(i);
    if (!(await select.isVisible())) continue;
    await select.click();
    const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
    await dropdown.waitFor({ timeout: SETTLE_MS }).catch(() => undefined);
    await settled(page);
    // The options as drawn (antd's zero-size listbox for screen readers holds values, labelled by aria-label).
    if (await dropdown.isVisible())
      texts.push(...(await dropdown.locator('.ant-select-item, .ant-empty').allInnerTexts()));
    await page.keyboard.press('Tab');
  }
  return texts.join('\n');
}

async function findDialogCodes(dialogs: readonly Dialog[]): Promise<string[]> {
  const names = await loginNames();
  const found: string[] = [];
  for (const dialog of dialogs) {
    await admin.goto(`${fixture.baseUrl}${await concretePath(dialog.route)}`);
    await settled(admin);
    if (dialog.tab) await admin.getByRole('tab', { name: dialog.tab }).click();
    const button = admin.getByTestId(dialog.open).first();
    await button.click();
    const text = await dialogText(admin, dialog.page ?? false);
    // In zh-CN an English phrase ("Select a date") is untranslated text too.
    const english = [...text.matchAll(ENGLISH_PHRASE)].map((m) => `English "${m[0]}"`);
    const codes = [...codesIn(text, names), ...english];
    if (codes.length > 0) found.push(`${dialog.name}: ${[...new Set(codes)].join(', ')}`);
  }
  return found;
}

describe('no internal codes on screen', () => {
  it('finds every route of App.tsx', () => {
    const routes = appRoutes();
    expect(routes).toContain('/settings/jobs');
    expect(routes).toContain('/customers/:id');
    expect(routes.length).toBeGreaterThan(50);
  });

  it('shows no message key, enum value or id on any page in zh-CN', async () => {
    expect(await findCodes(appRoutes())).toEqual([]);
  }, 600_000);

  it('shows none in English either on the timeline, jobs, users, approvals and lifecycle board', async () => {
    await api(admin, 'PATCH', '/api/v1/auth/me', { locale: 'en' });
    try {
      const pages = ['/customers/:id', '/settings/jobs', '/settings/users', '/approvals', '/lifecycle', '/'];
      expect(await findCodes(pages)).toEqual([]);
    } finally {
      await api(admin, 'PATCH', '/api/v1/auth/me', { locale: 'zh-CN' });
    }
  }, 300_000);

  it('shows none in the main create drawers and modals (with their option lists) in zh-CN', async () => {
    expect(await findDialogCodes(DIALOGS)).toEqual([]);
  }, 300_000);
});
