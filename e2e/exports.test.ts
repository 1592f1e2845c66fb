import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';

let fixture: BrowserFixture;
const dataDir = mkdtempSync(path.join(tmpdir(), 'guanxi-e2e-exports-'));

beforeAll(async () => {
  // Ten rows stream at once; the demo's 30 customers become a background export.
  fixture = await startBrowserFixture({ config: { dataDir, exportInlineMaxRows: 10 } });
});
afterAll(async () => {
  await fixture?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('large exports in the browser', () => {
  it('a list too long to download at once shows its progress in "我的导出" and then a download link', async () => {
    const context = await fixture.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await loginAs(page, fixture.baseUrl, 'admin');
    await page.goto(`${fixture.baseUrl}/customers`);
    await page.getByTestId('export-button').click();
    await page.getByText('CSV 文件（.csv）').click();
    const drawer = page.getByTestId('export-jobs-drawer');
    await drawer.getByText('我的导出').waitFor();
    const job = drawer.getByTestId('export-job').first();
    await job.getByText('可下载', { exact: true }).waitFor({ timeout: 30_000 });
    await expect(job.textContent()).resolves.toMatch(/已导出 \d+ \/ \d+ 行/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      job.getByText('下载', { exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^客户-\d{8}-\d{4}\.csv$/);
    await context.close();
  });
});
