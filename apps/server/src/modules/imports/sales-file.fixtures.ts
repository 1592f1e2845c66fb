import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';

/**
 * The public "Sample Sales Data" file lives beside the repository (`../shared/data`, not ours to
 * copy in). From the repository root upwards, the first `shared/data` holding it is taken, so a
 * worktree below another directory finds it too; missing, the test fails saying where it looked.
 */
export function salesFilePath(): string {
  const repoRoot = resolve(import.meta.dirname, '../../../../..');
  const tried: string[] = [];
  for (let dir = repoRoot; ; dir = dirname(dir)) {
    const candidate = join(dir, '..', 'shared', 'data', 'sales_data_sample.csv');
    tried.push(candidate);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`sales_data_sample.csv not found; looked at ${tried.join(', ')}`);
  }
}

export type SalesRecord = Record<string, string>;

/** The file's records, decoded from its DOS code page (CP850: Mart\xa1n → Martín). */
export function readSalesFile(): { bytes: Buffer; records: SalesRecord[] } {
  const bytes = readFileSync(salesFilePath());
  const records = parse(iconv.decode(bytes, 'cp850'), { columns: true, skip_empty_lines: true }) as SalesRecord[];
  return { bytes, records };
}

/** "5205.27" → 520527 fen, exactly (no floating point). */
export function fenOf(decimal: string): number {
  const [whole, fraction = ''] = decimal.trim().split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
}

/**
 * What the file should give, computed from the records with the documented rules: one order per
 * order number, one line per record, one customer per name, one product per code; a line's total is
 * quantity × PRICEEACH when that equals SALES, else quantity × (SALES ÷ quantity rounded half up).
 */
export function expectedFromSalesFile(records: readonly SalesRecord[]) {
  let totalFen = 0;
  let fileSalesFen = 0;
  for (const r of records) {
    const quantity = Number(r.QUANTITYORDERED);
    const amount = fenOf(r.SALES!);
    const price = fenOf(r.PRICEEACH!);
    fileSalesFen += amount;
    totalFen += price * quantity === amount ? amount : Math.floor((2 * amount + quantity) / (2 * quantity)) * quantity;
  }
  return {
    lines: records.length,
    orders: new Set(records.map((r) => r.ORDERNUMBER)).size,
    customers: new Set(records.map((r) => r.CUSTOMERNAME)).size,
    products: new Set(records.map((r) => r.PRODUCTCODE)).size,
    categories: new Set(records.map((r) => r.PRODUCTLINE)).size,
    totalFen,
    fileSalesFen,
  };
}
