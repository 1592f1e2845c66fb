import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImportWorker, importWorkerSignal, type ImportWorker } from '../apps/server/src/modules/imports/index.js';
import { createDomainEventBus } from '../apps/server/src/modules/registry.js';
import { loadConfig } from '../apps/server/src/platform/config/config.js';
import { loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';
import { answered, clickWhenStill, eventually } from './settle.js';

let fixture: BrowserFixture;
let worker: ImportWorker;

beforeAll(async () => {
  fixture = await startBrowserFixture({ customerCount: 5 });
  // The server starts its import worker in `startServer`, which the fixture does not use: this one
  // reads the same staging directory. Small batches, each held a moment, so the run is seen running.
  worker = createImportWorker({
    db: fixture.database.db,
    events: createDomainEventBus(),
    dataDir: loadConfig({}, { logLevel: 'silent' }).dataDir,
    batchSize: 10,
    pollMs: 200,
    afterBatchWrite: () => new Promise((resolve) => setTimeout(resolve, 150)),
  });
  worker.start();
  importWorkerSignal.notify = () => worker.notify();
});
afterAll(async () => {
  importWorkerSignal.notify = () => undefined;
  await worker?.stop();
  await fixture?.close();
});

/**
 * A customer list as an old CRM exports it: Chinese headers, company and person customers, sources in
 * the CRM's own words, one row without a name (line 8 of the file).
 */
function customerCsv(): Buffer {
  const lines = ['客户名称,客户类型,电话,邮箱,客户来源'];
  for (let row = 1; row <= 120; row += 1) {
    const phone = `021-6${String(6_000_000 + row)}`;
    if (row === 7) lines.push(`,公司,${phone},nobody@example.com,展会`);
    else if (row % 10 === 0)
      lines.push(`张导入${row},个人,1390000${String(row).padStart(4, '0')},p${row}@example.com,朋友介绍`);
    else lines.push(`导入测试客户${row}有限公司,公司,${phone},c${row}@example.com,展会`);
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

describe('the import wizard in the browser', () => {
  it('imports customers from a CSV: detect, map, dry run, a value map for an unknown source, run with progress, result and problem report', async () => {
    const context = await fixture.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await loginAs(page, fixture.baseUrl, 'admin');

    // The customer list's Import action offers customers and contacts; customers opens the wizard.
    await page.goto(`${fixture.baseUrl}/customers`);
    await clickWhenStill(page.getByTestId('import-open'));
    await clickWhenStill(page.getByRole('menuitem', { name: '导入客户' }));
    await page.waitForURL(/\/imports\/new\?kind=customers$/);
    await eventually(() => page.getByTestId('import-kind').innerText()).toContain('客户');

    await answered(page, 'POST /imports', () =>
      page
        .getByTestId('import-file')
        .locator('input[type=file]')
        .setInputFiles({ name: '老系统客户.csv', mimeType: 'text/csv', buffer: customerCsv() }),
    );
    await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);

    // Detect: read as UTF-8 with commas; the preview shows the first rows.
    await eventually(() => page.getByTestId('import-preview').innerText()).toContain('导入测试客户1有限公司');
    expect(await page.getByTestId('import-encoding').innerText()).toContain('UTF-8');
    expect(await page.getByTestId('import-delimiter').innerText()).toContain('逗号');
    await clickWhenStill(page.getByTestId('import-detect-next'));

    // Map: the Chinese headers are recognized and shown by their labels, never by field keys; the
    // source column's values each get a line of the value map.
    const mapping = page.getByTestId('import-mapping');
    await eventually(() => mapping.innerText()).toContain('自动识别');
    expect(await mapping.innerText()).not.toMatch(/\b(name|kind|phone|source)\b/);
    const valueMaps = page.getByTestId('import-value-maps');
    await eventually(() => valueMaps.innerText()).toContain('展会');
    await answered(page, 'POST /imports/*/check', page.getByTestId('import-map-next'));

    // Check: the nameless row and the rows whose source the system does not know are refused, by line
    // number, with their reasons in words.
    await eventually(() => page.getByTestId('import-check-created').innerText()).toContain('107');
    await eventually(() => page.getByTestId('import-errors').innerText()).toContain('第 8 行');
    const reasons = page.getByTestId('import-reasons');
    expect(await reasons.innerText()).toContain('朋友介绍');
    expect(await reasons.innerText()).not.toMatch(/imports\.|rowError|required/);
    // The old CRM's numbered names look alike (导入测试客户1… / …2…): the check warns, as entry by hand does.
    expect(await page.getByTestId('import-similar-names-note').innerText()).toContain('仍会导入');
    expect(await page.getByTestId('import-errors').innerText()).toContain('相似');

    // Back to the mapping: the refused source (first seen on row 11, past the samples) is in the value
    // map now; the user says it means a referral and checks again.
    await clickWhenStill(page.getByTestId('import-back-to-map'));
    const referral = valueMaps.locator('.ant-row', { hasText: '朋友介绍' }).getByTestId('import-value-map');
    await clickWhenStill(referral);
    await clickWhenStill(
      page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: '转介绍',
      }),
    );
    await answered(page, 'POST /imports/*/check', page.getByTestId('import-map-next'));
    await eventually(() => page.getByTestId('import-check-created').innerText()).toContain('119');
    expect(await page.getByTestId('import-check-errors').innerText()).toContain('1');

    // Run: the progress panel counts rows while the batches go in, then the result.
    await answered(page, 'POST /imports/*/run', page.getByTestId('import-run'));
    await eventually(() => page.getByTestId('import-progress-done').innerText()).toMatch(/已处理 \d+ \/ 120 行/);
    await eventually(() => page.getByTestId('import-result-title').innerText()).toBe('导入完成');
    await eventually(() => page.getByTestId('import-result-created').innerText()).toContain('119');

    // The full problem report downloads as an Excel workbook.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      clickWhenStill(page.getByTestId('import-error-report')),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');

    // The customers are there as company and person; the history names the file and how it ended.
    const found = await page.evaluate(async () => {
      const read = async (name: string) =>
        (
          (await (await fetch(`/api/v1/customers?q=${encodeURIComponent(name)}`)).json()).items as { name: string }[]
        ).find((customer) => customer.name === name) ?? null;
      return { company: await read('导入测试客户11有限公司'), person: await read('张导入20') };
    });
    expect(found.company).toMatchObject({ name: '导入测试客户11有限公司', kind: 'company' });
    expect(found.person).toMatchObject({ name: '张导入20', kind: 'person', source: 'referral' });
    await page.goto(`${fixture.baseUrl}/imports`);
    const history = page.getByTestId('import-history');
    await eventually(() => history.innerText()).toContain('老系统客户.csv');
    expect(await history.innerText()).toContain('已完成');
    await context.close();
  });

  it('a salesperson without an import permission sees no Import action and no menu item', async () => {
    const context = await fixture.browser.newContext();
    const page = await context.newPage();
    await loginAs(page, fixture.baseUrl, 'east.rep1');
    await page.goto(`${fixture.baseUrl}/customers`);
    await page.getByTestId('customer-table').waitFor();
    expect(await page.getByTestId('import-open').count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: '数据导入' }).count()).toBe(0);
    await context.close();
  });
});
