import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Locale } from '@guanxi/contract';
import type { Db } from '../../platform/db/client.js';
import { translate } from '../../platform/i18n/index.js';
import type { ImportKind } from './import-kind.js';
import { fieldLabelOf, isWarningCode, issueMessage } from './import-summary.js';
import { importsRepository, type ImportJobRow } from './imports.repository.js';

const PAGE = 1000;

/** The reason in words; a warning (the row is imported all the same) says so first. */
function reasonOf(
  kind: ImportKind,
  error: { code: string; field: string | null; params: unknown },
  locale: Locale,
): string {
  const message = issueMessage(kind, { ...error, params: error.params as Record<string, string | number> }, locale);
  return isWarningCode(error.code) ? translate(locale, 'imports.report.warning', { message }) : message;
}

/**
 * The full per-row error report of a check or run as an XLSX stream (rows imported with a warning
 * included, their reason marked as a warning): the row number, the field and
 * the reason in the reader's language, then the original cells under the file's own headers.
 * Streamed page by page, so a file with 100k bad rows never sits in memory.
 */
export function errorReportStream(options: {
  db: Db;
  job: ImportJobRow;
  kind: ImportKind;
  phase: 'check' | 'run';
  locale: Locale;
}): PassThrough {
  const { db, job, kind, phase, locale } = options;
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(translate(locale, 'imports.report.sheet'));
  const headers = (job.columns as { header: string }[]).map((column) => column.header);
  const fieldHeader = locale === 'en' ? 'Field' : '字段';
  const header = sheet.addRow([
    translate(locale, 'imports.report.row'),
    fieldHeader,
    translate(locale, 'imports.report.reason'),
    ...headers,
  ]);
  header.font = { bold: true };
  header.commit();
  void (async () => {
    let after: { row: number; id: string } | null = null;
    for (;;) {
      const rows = await importsRepository.findErrors(db, {
        orgId: job.orgId,
        importId: job.id,
        phase,
        after,
        limit: PAGE,
      });
      for (const error of rows) {
        sheet
          .addRow([
            error.rowNumber,
            fieldLabelOf(kind, error.field, locale),
            reasonOf(kind, error, locale),
            ...error.values,
          ])
          .commit();
      }
      const last = rows.at(-1);
      if (!last || rows.length < PAGE) break;
      after = { row: last.rowNumber, id: last.id };
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  return output;
}
