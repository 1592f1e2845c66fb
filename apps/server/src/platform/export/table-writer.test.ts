import { Writable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tableWriter, type TableColumn } from './table-writer.js';

const columns: TableColumn[] = [
  { header: '名称', kind: 'text', width: 20 },
  { header: '金额', kind: 'money', width: 14 },
  { header: '备注', kind: 'text', width: 20 },
];

/** A file that takes its time, as a disk or a slow client does; `chunks` keeps what it was given. */
function slowFile(keep: boolean) {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (keep) chunks.push(chunk);
      setImmediate(callback);
    },
  });
  return { out, chunks };
}

describe('XLSX table writer', () => {
  it('keeps the header bold, money as a two-decimal number and formulas inert, with shared cell styles', async () => {
    const { out, chunks } = slowFile(true);
    const writer = tableWriter('xlsx', out, { columns, sheetName: '客户' });
    await writer.writeRows([
      ['华为', 1234.5, null],
      ['=HYPERLINK("x")', null, '备注'],
    ]);
    await writer.finish();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('客户')!;
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(2).getCell(2).value).toBe(1234.5);
    expect(sheet.getRow(2).getCell(2).numFmt).toBe('#,##0.00');
    expect(sheet.getRow(2).getCell(3).value).toBeNull();
    expect(sheet.getRow(3).getCell(1).value).toBe(`'=HYPERLINK("x")`);
    expect(sheet.getRow(3).getCell(3).value).toBe('备注');
    expect(sheet.rowCount).toBe(3);
  });

  it('holds memory flat while the zip is slower than the rows come (backpressure through exceljs)', async () => {
    // Retained memory, not garbage: a forced collection before each reading keeps the figure
    // independent of when the collector happens to run on a loaded CI machine.
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    const retained = () => {
      collect();
      return process.memoryUsage().arrayBuffers;
    };
    const { out } = slowFile(false);
    const writer = tableWriter('xlsx', out, { columns, sheetName: 'x' });
    const page = (n: number) =>
      Array.from({ length: 1000 }, (_, i) => [
        `${n}-${i}-${Math.random().toString(36)}`,
        i,
        `${Math.random()}`.repeat(40),
      ]);
    await writer.writeRows(page(0));
    const start = retained();
    let peak = start;
    // About 0.8 MB of sheet XML a page: 100 pages would pile up 80 MB without waiting for the zip.
    for (let n = 1; n <= 100; n++) {
      await writer.writeRows(page(n));
      if (n % 10 === 0) peak = Math.max(peak, retained());
    }
    await writer.finish();
    // Measured: about 8 MB retained with the wait, 85 MB without.
    expect(peak - start).toBeLessThan(30 * 1024 * 1024);
  });
});
