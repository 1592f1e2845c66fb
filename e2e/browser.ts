import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig, type Config } from '../apps/server/src/platform/config/config.js';
import type { Database } from '../apps/server/src/platform/db/client.js';
import { seedDemoOrganization, DEMO_PASSWORD } from '../apps/server/src/modules/demo/demo-seed.js';
import { createTestDatabase } from '../apps/server/src/test/test-database.js';
import { answered } from './settle.js';

export interface BrowserFixture {
  baseUrl: string;
  browser: Browser;
  database: Database;
  close(): Promise<void>;
}

/** The real server with the built web app over a fresh database seeded with the demo org. */
export async function startBrowserFixture(
  options: { customerCount?: number; config?: Partial<Config> } = {},
): Promise<BrowserFixture> {
  const { database, drop } = await createTestDatabase();
  await seedDemoOrganization(database.db, { customerCount: options.customerCount ?? 30 });
  const app: FastifyInstance = await buildApp({
    config: loadConfig({}, { logLevel: 'silent', ...options.config }),
    database,
    logger: false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    // The browser's clock reads as a user's in China (the demo organization's zone): dates a page
    // picks by default ("this year up to today") match the organization's calendar day, which from
    // 16:00 UTC on is already tomorrow.
    env: { ...process.env, TZ: 'Asia/Shanghai' },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    database,
    async close() {
      await browser.close();
      await app.close();
      await drop();
    },
  };
}

/** Signs in with the demo password; `organization` (a code) for a database with several organizations. */
export async function loginAs(page: Page, baseUrl: string, username: string, organization?: string): Promise<void> {
  await page.goto(`${baseUrl}/login${organization ? `?org=${organization}` : ''}`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  // A refused login fails here with the server's answer, not later as a page that never changed.
  await answered(page, 'POST /auth/login', page.getByTestId('login-submit'));
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** An API call with the page's session; throws on a non-2xx answer. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const api = (page: Page, method: string, url: string, body?: unknown): Promise<any> =>
  page.evaluate(
    async ([m, u, b]) => {
      const response = await fetch(u, {
        method: m,
        headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      if (!response.ok) throw new Error(`${m} ${u}: ${response.status} ${await response.text()}`);
      return response.status === 204 ? null : response.json();
    },
    [method, url, body] as const,
  );

/**
 * Pages of their own (own cookies), each signed in as one user, closed together after the file:
 * `const pages = signedInPages(() => fixture); afterAll(() => pages.closeAll());`
 */
export function signedInPages(fixture: () => BrowserFixture) {
  const contexts: BrowserContext[] = [];
  return {
    async pageAs(username: string, viewport = { width: 1440, height: 900 }): Promise<Page> {
      const context = await fixture().browser.newContext({ viewport });
      contexts.push(context);
      const page = await context.newPage();
      await loginAs(page, fixture().baseUrl, username);
      return page;
    },
    async closeAll(): Promise<void> {
      for (const context of contexts.splice(0)) await context.close().catch(() => undefined);
    },
  };
}
