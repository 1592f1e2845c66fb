import { expect } from 'vitest';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';

/** A CSV export's rows (header first), read back as a spreadsheet would: BOM stripped, RFC 4180. */
export function csvRows(response: LightMyRequestResponse): string[][] {
  expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
  const bytes = response.rawPayload;
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(bytes.toString('utf8'), { bom: true }) as string[][];
}

/** An XLSX export's first sheet as rows of cell values (header first). */
export async function xlsxRows(response: LightMyRequestResponse): Promise<(string | number | null)[][]> {
  expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0]!;
  const rows: (string | number | null)[][] = [];
  sheet.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(values.map((value) => (value === undefined || value === null ? null : (value as string | number))));
  });
  return rows;
}

/** The column of `header` in a file's rows, without the header. */
export function columnOf<T>(rows: T[][], header: string): T[] {
  const index = rows[0]!.indexOf(header as T);
  expect(index, `column ${header}`).toBeGreaterThanOrEqual(0);
  return rows.slice(1).map((row) => row[index]!);
}
