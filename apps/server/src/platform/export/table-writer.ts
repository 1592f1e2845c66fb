import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { ExportFormat } from '@guanxi/contract';
import type { Cell, ColumnKind } from './export-columns.js';
import { neutralizeFormula } from './formula-neutralization.js';

/** A column as the file sees it: translated header, kind, width. */
export interface TableColumn {
  header: string;
  kind: ColumnKind;
  width: number;
}

/** Writes one table to a stream, a page of rows at a time, waiting while the reader is behind. */
export interface TableWriter {
  /** The rows are the writer's from here on: their cells are made safe in place (one array less a row). */
  writeRows(rows: Cell[][]): Promise<void>;
  /** Ends the file (and the stream). */
  finish(): Promise<void>;
}

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** Every text cell is neutralized (security B4); numbers stay numbers, empty stays empty. */
const safeCell = (cell: Cell): string | number | null =>
  typeof cell === 'string' ? neutralizeFormula(cell) : typeof cell === 'number' ? cell : null;

const drained = async (stream: Writable): Promise<void> => {
  if (stream.writableNeedDrain && !stream.destroyed) await once(stream, 'drain');
};

/**
 * RFC 4180 CSV with CRLF, UTF-8 with a BOM so Excel opens Chinese text correctly. csv-stringify
 * turns a page of rows into one piece of text, written at once: per-record stream writes were most
 * of the time (W12).
 */
function csvWriter(out: Writable, columns: readonly TableColumn[]): TableWriter {
  const write = async (text: string) => {
    if (!out.write(text)) await drained(out);
  };
  const lines = (rows: (string | number)[][]) => stringify(rows, { record_delimiter: 'windows' });
  const header = `\ufeff${lines([columns.map((column) => neutralizeFormula(column.header))])}`;
  let headerWritten = false;
  return {
    async writeRows(rows) {
      for (const row of rows) for (let i = 0; i < row.length; i++) row[i] = safeCell(row[i]) ?? '';
      const body = lines(rows as (string | number)[][]);
      await write(headerWritten ? body : header + body);
      headerWritten = true;
    },
    async finish() {
      if (!headerWritten) await write(header);
      out.end();
      if (!out.writableFinished) await once(out, 'finish');
    },
  };
}

const NUMBER_FORMATS: Record<ColumnKind, string | undefined> = {
  text: undefined,
  number: undefined,
  money: '#,##0.00',
};

/** A stream's buffered input: Node's own streams and the older readable-stream copies the zip uses. */
interface Buffered {
  _writableState?: { length: number; highWaterMark: number };
}

/** XML the zip may hold uncompressed: the next page is made while deflate works through this. */
const ZIP_BACKLOG_BYTES = 8 * 1024 * 1024;

/**
 * Waits while the zip has not yet taken in what the sheet gave it. exceljs's sheet stream hands
 * its 64 KB buffers to the zip's input stream (its `pipes`) without looking at the answer, so a
 * writer that only watched the file would pile the sheet's whole XML up in memory while deflate
 * lags behind (RSS grew by about 75 MB per 50,000 rows, bench W12). The sheet stream, its `pipes`
 * and the zip's stream state are library internals, read defensively: without them the export
 * still works, only unthrottled. Stops waiting when the file is closed (the client went away).
 */
async function zipCaughtUp(sheet: ExcelJS.Worksheet, out: Writable): Promise<void> {
  const stream = (sheet as unknown as { stream?: { pipes?: unknown } }).stream;
  const pipes = Array.isArray(stream?.pipes) ? (stream.pipes as (Writable & Buffered)[]) : [];
  for (const pipe of pipes) {
    const state = pipe._writableState;
    if (!state || state.length < ZIP_BACKLOG_BYTES || out.destroyed) continue;
    await new Promise<void>((resolve) => {
      const done = () => {
        pipe.off('drain', done);
        out.off('close', done);
        resolve();
      };
      pipe.once('drain', done);
      out.once('close', done);
    });
  }
}

/**
 * XLSX through exceljs's streaming writer: rows are committed as they come and inline strings are
 * used (no shared-string table), so memory does not grow with the row count.
 */
function xlsxWriter(out: Writable, columns: readonly TableColumn[], sheetName: string): TableWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column, index) => {
    const numFmt = NUMBER_FORMATS[column.kind];
    return { key: String(index), width: column.width, ...(numFmt ? { style: { numFmt } } : {}) };
  });
  const header = sheet.addRow(columns.map((column) => neutralizeFormula(column.header)));
  header.font = { bold: true };
  header.commit();
  // exceljs gives every new row and cell a style object of its own, and its style table then
  // renders each one to XML to find its id (most of an export's time, bench W12). One shared
  // object per column (and one for all rows) is looked up once: the same styles, each cached.
  const rowStyle: Partial<ExcelJS.Style> = {};
  const cellStyles = columns.map((column): Partial<ExcelJS.Style> => {
    const numFmt = NUMBER_FORMATS[column.kind];
    return numFmt ? { numFmt } : {};
  });
  return {
    async writeRows(rows) {
      for (const values of rows) {
        // An empty cell is left out of the row (undefined), not written as a null cell.
        for (let i = 0; i < values.length; i++) values[i] = safeCell(values[i]) ?? undefined;
        const row = sheet.addRow(values);
        // Row#style exists at runtime (exceljs reads it for the row's own style) but is not in its types.
        (row as unknown as { style: Partial<ExcelJS.Style> }).style = rowStyle;
        row.eachCell((cell, column) => (cell.style = cellStyles[column - 1]!));
        row.commit();
      }
      await zipCaughtUp(sheet, out);
      await drained(out);
    },
    async finish() {
      sheet.commit();
      await workbook.commit();
      if (!out.writableFinished) await once(out, 'finish');
    },
  };
}

/** A table writer for the format, writing to `out`. */
export function tableWriter(
  format: ExportFormat,
  out: Writable,
  options: { columns: readonly TableColumn[]; sheetName: string },
): TableWriter {
  return format === 'csv' ? csvWriter(out, options.columns) : xlsxWriter(out, options.columns, options.sheetName);
}
