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

/** A price list as an old ERP exports it: Chinese headers, prices with ¥ and commas, one bad row (line 8). */
function productCsv(): Buffer {
  const lines = ['产品编码,产品名称,单位,标准价,备注'];
  for (let row = 1; row <= 200; row += 1)
    lines.push(row === 7 ? `IMP-7,,台,abc,坏行` : `IMP-${row},导入测试产品${row},台,"¥1,${row}00.50",`);
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

describe('the import wizard in the browser', () => {
  it('imports a price list: detect, map, dry run with the bad row, run with progress, result and problem report', async () => {
    const context = await fixture.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await loginAs(page, fixture.baseUrl, 'admin');

    // The product list's Import action opens the wizard for products.
    await page.goto(`${fixture.baseUrl}/products`);
    await clickWhenStill(page.getByTestId('import-open'));
    await page.waitForURL(/\/imports\/new\?kind=products$/);
    await eventually(() => page.getByTestId('import-kind').innerText()).toContain('产品');

    await answered(page, 'POST /imports', () =>
      page
        .getByTestId('import-file')
        .locator('input[type=file]')
        .setInputFiles({ name: '产品价目表.csv', mimeType: 'text/csv', buffer: productCsv() }),
    );
    await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);

    // Detect: read as UTF-8 with commas; the preview shows the first rows.
    await eventually(() => page.getByTestId('import-preview').innerText()).toContain('导入测试产品1');
    expect(await page.getByTestId('import-encoding').innerText()).toContain('UTF-8');
    expect(await page.getByTestId('import-delimiter').innerText()).toContain('逗号');
    await clickWhenStill(page.getByTestId('import-detect-next'));

    // Map: the Chinese headers are recognized and shown by their labels, never by field keys.
    const mapping = page.getByTestId('import-mapping');
    await eventually(() => mapping.innerText()).toContain('自动识别');
    expect(await mapping.innerText()).toContain('标准价（必填）');
    expect(await mapping.innerText()).not.toMatch(/listPrice|\bcode\b/);
    await answered(page, 'POST /imports/*/check', page.getByTestId('import-map-next'));

    // Check: 199 new, the bad row refused for its missing name and its price, by row number, in words.
    await eventually(() => page.getByTestId('import-check-created').innerText()).toContain('199');
    expect(await page.getByTestId('import-check-errors').innerText()).toContain('1');
    await eventually(() => page.getByTestId('import-errors').innerText()).toContain('第 8 行');
    expect(await page.getByTestId('import-reasons').innerText()).toContain('产品名称');
    expect(await page.getByTestId('import-reasons').innerText()).not.toMatch(/imports\.|rowError/);

    // Run: the progress panel counts rows while the batches go in, then the result.
    await answered(page, 'POST /imports/*/run', page.getByTestId('import-run'));
    await eventually(() => page.getByTestId('import-progress-done').innerText()).toMatch(/已处理 \d+ \/ 200 行/);
    await eventually(() => page.getByTestId('import-result-title').innerText()).toBe('导入完成');
    await eventually(() => page.getByTestId('import-result-created').innerText()).toContain('199');

    // The full problem report downloads as an Excel workbook.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      clickWhenStill(page.getByTestId('import-error-report')),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');

    // The products are in the catalog with their prices; the history names the file and how it ended.
    const product = await page.evaluate(
      async () =>
        ((await (await fetch('/api/v1/products?q=IMP-12')).json()).items as { code: string }[]).find(
          (item) => item.code === 'IMP-12',
        ) ?? null,
    );
    expect(product).toMatchObject({ name: '导入测试产品12', listPriceFen: 1_120_050 });
    await page.goto(`${fixture.baseUrl}/imports`);
    const history = page.getByTestId('import-history');
    await eventually(() => history.innerText()).toContain('产品价目表.csv');
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
