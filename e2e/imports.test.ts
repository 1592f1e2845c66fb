import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startBrowserFixture, type BrowserFixture } from './browser.js';
import { answered, clickWhenStill, eventually } from './settle.js';

let fixture: BrowserFixture;

beforeAll(async () => {
  fixture = await startBrowserFixture({ customerCount: 5 });
});
afterAll(() => fixture?.close());

/** A customer file as an old system exports it: Chinese headers, one row without a name (row 42). */
function customerCsv(): Buffer {
  const lines = ['客户名称,电话,邮箱'];
  for (let row = 1; row <= 60; row += 1) {
    const phone = `021-6${String(100_000 + row).padStart(7, '0')}`;
    lines.push(row === 40 ? `,${phone},nobody@example.com` : `导入测试客户${row}有限公司,${phone},c${row}@example.com`);
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

describe('the import wizard in the browser', () => {
  it('imports customers from a CSV: detect, map, dry run with the bad row, run with progress, result and report', async () => {
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

    // Detect: the file read as UTF-8 with commas; the preview shows the first rows.
    const preview = page.getByTestId('import-preview');
    await eventually(() => preview.innerText()).toContain('导入测试客户1有限公司');
    await eventually(() => page.getByTestId('import-encoding').innerText()).toContain('UTF-8');
    await eventually(() => page.getByTestId('import-delimiter').innerText()).toContain('逗号');
    await clickWhenStill(page.getByTestId('import-detect-next'));

    // Map: the Chinese headers are recognized; the user goes on to the dry run.
    const mapping = page.getByTestId('import-mapping');
    await eventually(() => mapping.innerText()).toContain('自动识别');
    expect(await mapping.innerText()).not.toMatch(/\bname\b|\bphone\b/);
    await answered(page, 'POST /imports/*/check', page.getByTestId('import-map-next'));

    // Check: 59 new, the nameless row refused; its reason is in words, with its row number.
    await eventually(() => page.getByTestId('import-check-created').innerText()).toContain('59');
    await eventually(() => page.getByTestId('import-check-errors').innerText()).toContain('1');
    await eventually(() => page.getByTestId('import-errors').innerText()).toContain('第 41 行');
    expect(await page.getByTestId('import-check-summary').innerText()).not.toMatch(/required|_/);

    // Run: the progress panel while it runs, then the result.
    await answered(page, 'POST /imports/*/run', page.getByTestId('import-run'));
    await eventually(async () => {
      const progress = await page.getByTestId('import-progress').count();
      const result = await page.getByTestId('import-result-title').count();
      return progress + result;
    }).toBeGreaterThan(0);
    await eventually(() => page.getByTestId('import-result-title').innerText()).toBe('导入完成');
    await eventually(() => page.getByTestId('import-result-created').innerText()).toContain('59');

    // The full problem report downloads as an Excel workbook.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      clickWhenStill(page.getByTestId('import-error-report')),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');

    // The customers are there, and the history names the file, who imported it and how it ended.
    const found = await page.evaluate(
      async () => (await (await fetch('/api/v1/customers?q=导入测试客户7有限公司')).json()).items.length,
    );
    expect(found).toBe(1);
    await page.goto(`${fixture.baseUrl}/imports`);
    const history = page.getByTestId('import-history');
    await eventually(() => history.innerText()).toContain('老系统客户.csv');
    expect(await history.innerText()).toContain('已完成');
    await context.close();
  });

  it('a salesperson without the import permission sees no Import action', async () => {
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
