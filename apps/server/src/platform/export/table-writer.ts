import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { ExportFormat } from '@guanxi/contract';
import type { Cell, ColumnKind } from './export-columns.js';
import { neutralizeFormula } from './formula-neutralization.js';
import { xlsxWriter } from './xlsx-writer.js';

/** A column as the file sees it: translated header, kind, width. */
export interface TableColumn {
  header: string;
  kind: ColumnKind;
  width: number;
}

/** Writes one table to a stream, a page of rows at a time, waiting while the reader is behind. */
export interface TableWriter {
  writeRows(rows: readonly Cell[][]): Promise<void>;
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

/** A field quoted as RFC 4180 asks: only when it holds a quote, comma or line break. */
const NEEDS_QUOTES = /[",\r\n]/;
const csvField = (value: string | number): string => {
  const text = String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};
const csvLine = (cells: readonly (string | number)[]) => `${cells.map(csvField).join(',')}\r\n`;

/**
 * RFC 4180 CSV with CRLF, UTF-8 with a BOM so Excel opens Chinese text correctly. A page of rows
 * becomes one piece of text and one write: per-record stream writes were most of the time (W12).
 */
function csvWriter(out: Writable, columns: readonly TableColumn[]): TableWriter {
  const write = async (text: string) => {
    if (!out.write(text)) await drained(out);
  };
  const header = `\ufeff${csvLine(columns.map((column) => neutralizeFormula(column.header)))}`;
  let headerWritten = false;
  return {
    async writeRows(rows) {
      let body = headerWritten ? '' : header;
      for (const row of rows) body += csvLine(row.map((cell) => safeCell(cell) ?? ''));
      headerWritten = true;
      await write(body);
    },
    async finish() {
      if (!headerWritten) await write(header);
      out.end();
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
