import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { ImportSource } from '@guanxi/contract';
import { AppError } from '../../platform/errors/app-error.js';
import { detectEncoding } from './file-encoding.js';

/** One row of the file as text cells, with its 1-based line (CSV) or row (XLSX) number. */
export interface FileRow {
  rowNumber: number;
  cells: string[];
}

const SAMPLE_BYTES = 64 * 1024;
const DELIMITERS = [',', ';', '\t', '|'] as const;

async function readSample(filePath: string): Promise<{ sample: Buffer; isWholeFile: boolean }> {
  const handle = await open(filePath, 'r');
  try {
    const { size } = await handle.stat();
    const sample = Buffer.alloc(Math.min(size, SAMPLE_BYTES));
    await handle.read(sample, 0, sample.length, 0);
    return { sample, isWholeFile: size <= SAMPLE_BYTES };
  } finally {
    await handle.close();
  }
}

/** XLSX (a zip), refused legacy XLS, or text. */
function formatOf(sample: Buffer): 'xlsx' | 'csv' {
  if (sample[0] === 0x50 && sample[1] === 0x4b && sample[2] === 0x03 && sample[3] === 0x04) return 'xlsx';
  if (sample[0] === 0xd0 && sample[1] === 0xcf && sample[2] === 0x11 && sample[3] === 0xe0)
    throw new AppError('unsupported_media_type', 'imports.error.legacyXls');
  if (sample.subarray(0, 1024).includes(0x00) && !isUtf16Mark(sample) && !looksUtf16(sample))
    throw new AppError('unsupported_media_type', 'imports.error.notText');
  return 'csv';
}
const isUtf16Mark = (s: Buffer) => (s[0] === 0xff && s[1] === 0xfe) || (s[0] === 0xfe && s[1] === 0xff);
const looksUtf16 = (s: Buffer) => {
  let zeros = 0;
  for (let i = 0; i < Math.min(s.length, 1024); i++) if (s[i] === 0) zeros++;
  return zeros > Math.min(s.length, 1024) * 0.3;
};

/** The delimiter whose count per line is the most consistent and non-zero over the first lines. */
export function detectDelimiter(text: string, fileName: string): string {
  if (/\.tsv$|\.tab$/i.test(fileName)) return '\t';
  const lines = text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .slice(0, 30);
  let best: string = ',';
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter));
    const nonZero = counts.filter((count) => count > 0);
    if (nonZero.length === 0) continue;
    const mode = modeOf(nonZero);
    const consistent = counts.filter((count) => count === mode).length;
    const score = consistent * 1000 + mode;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === delimiter && !quoted) count++;
  }
  return count;
}

function modeOf(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
}

/**
 * The header row among the first rows: title lines ("客户导出 2024-03-01") and blank lines above the
 * table have fewer filled cells than the table, so the first row filled at least as widely as most
 * rows below it is the header.
 */
export function detectHeaderRow(rows: readonly FileRow[]): number {
  const widths = rows.map((row) => row.cells.filter((cell) => cell.trim() !== '').length);
  const typical = modeOf(widths.filter((width) => width > 0).concat(0));
  for (let i = 0; i < rows.length; i++) {
    if (widths[i]! >= Math.max(1, Math.ceil(typical * 0.8)) && widths[i]! > 0) return rows[i]!.rowNumber;
  }
  return rows[0]?.rowNumber ?? 1;
}

/** Detects how to read a file; the user may override any part later. */
export async function detectSource(
  filePath: string,
  fileName: string,
): Promise<{ source: ImportSource; sheets: string[] }> {
  const { sample, isWholeFile } = await readSample(filePath);
  if (formatOf(sample) === 'xlsx') {
    const sheets = await listSheets(filePath);
    const source: ImportSource = {
      format: 'xlsx',
      encoding: null,
      delimiter: null,
      headerRow: 1,
      sheet: sheets[0] ?? null,
    };
    source.headerRow = detectHeaderRow(await firstRows(filePath, source, 15));
    return { source, sheets };
  }
  const encoding = detectEncoding(sample, isWholeFile);
  const text = iconv.decode(sample, encoding);
  const delimiter = detectDelimiter(text, fileName);
  const source: ImportSource = { format: 'csv', encoding, delimiter, headerRow: 1, sheet: null };
  source.headerRow = detectHeaderRow(await firstRows(filePath, source, 15));
  return { source, sheets: [] };
}

async function firstRows(filePath: string, source: ImportSource, count: number): Promise<FileRow[]> {
  const rows: FileRow[] = [];
  for await (const row of readFileRows(filePath, source)) {
    rows.push(row);
    if (rows.length >= count) break;
  }
  return rows;
}

/** Every row of the file (header and title rows included), streamed; blank rows are left out. */
export async function* readFileRows(filePath: string, source: ImportSource): AsyncGenerator<FileRow> {
  if (source.format === 'xlsx') yield* readXlsxRows(filePath, source.sheet);
  else yield* readCsvRows(filePath, source);
}

const isUtf8 = (encoding: string | null) => encoding === null || /^utf-?8$/i.test(encoding);

async function* readCsvRows(filePath: string, source: ImportSource): AsyncGenerator<FileRow> {
  const parser = parse({
    delimiter: source.delimiter ?? ',',
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    bom: true,
    info: true,
  });
  const file = createReadStream(filePath, { highWaterMark: 256 * 1024 });
  file.on('error', (error: Error) => parser.destroy(error));
  // UTF-8, the usual case, goes to the parser as bytes (it decodes them and drops the BOM itself);
  // iconv's stream decoder would double the reading cost of a large file.
  if (isUtf8(source.encoding)) file.pipe(parser);
  else file.pipe(iconv.decodeStream(source.encoding!)).pipe(parser);
  try {
    for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const cells = record.record.map((cell) => cell.trim());
      if (cells.every((cell) => cell === '')) continue;
      // `lines` is the line the record ends on; a quoted cell may span lines, so count its breaks back.
      const breaks = record.record.reduce((sum, cell) => sum + (cell.match(/\n/g)?.length ?? 0), 0);
      yield { rowNumber: record.info.lines - breaks, cells };
    }
  } finally {
    file.destroy();
    parser.destroy();
  }
}

async function listSheets(filePath: string): Promise<string[]> {
  const names: string[] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(filePath, {
    worksheets: 'emit',
    sharedStrings: 'ignore',
    hyperlinks: 'ignore',
    styles: 'ignore',
  });
  for await (const sheet of reader) names.push((sheet as unknown as { name: string }).name);
  return names;
}

async function* readXlsxRows(filePath: string, sheetName: string | null): AsyncGenerator<FileRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(filePath, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
  });
  let first = true;
  for await (const sheet of reader) {
    const name = (sheet as unknown as { name: string }).name;
    const wanted = sheetName === null ? first : name === sheetName;
    first = false;
    if (!wanted) continue;
    for await (const row of sheet) {
      const values = (row.values as unknown[]).slice(1);
      const cells = Array.from(values, (value) => cellText(value));
      if (cells.every((cell) => cell === '')) continue;
      yield { rowNumber: row.number, cells };
    }
    return;
  }
}

/** A cell as text: dates as ISO (UTC, as Excel stores them), formulas by result, rich text joined. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
  }
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if (Array.isArray(object.richText))
      return (object.richText as { text: string }[])
        .map((part) => part.text)
        .join('')
        .trim();
    if ('result' in object) return cellText(object.result);
    if ('text' in object) return cellText(object.text);
    if ('error' in object) return '';
  }
  return String(value as string).trim();
}

/**
 * Distinct values a column's scan keeps: enough for any enumeration a value map is made for
 * (states, sources, tiers), few enough that a column of names stays small.
 */
export const DISTINCT_VALUE_LIMIT = 50;

/**
 * The header row's cells and the data rows after it, with a few samples per column and the
 * column's distinct values (the first {@link DISTINCT_VALUE_LIMIT} of them) for value maps.
 */
export async function scanFile(
  filePath: string,
  source: ImportSource,
): Promise<{ headers: string[]; samples: string[][]; values: string[][]; rowCount: number }> {
  let headers: string[] = [];
  const samples: string[][] = [];
  const distinct: Set<string>[] = [];
  let rowCount = 0;
  for await (const row of readFileRows(filePath, source)) {
    if (row.rowNumber < source.headerRow) continue;
    if (row.rowNumber === source.headerRow) {
      headers = row.cells;
      continue;
    }
    if (headers.length === 0) headers = row.cells.map(() => '');
    rowCount++;
    row.cells.forEach((cell, index) => {
      const column = (samples[index] ??= []);
      if (cell !== '' && column.length < 5 && !column.includes(cell)) column.push(cell);
      const values = (distinct[index] ??= new Set());
      if (cell !== '' && values.size < DISTINCT_VALUE_LIMIT) values.add(cell);
    });
  }
  return { headers, samples, values: distinct.map((values) => [...(values ?? [])]), rowCount };
}
