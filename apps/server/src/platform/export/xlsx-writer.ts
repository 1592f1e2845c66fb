import type { Writable } from 'node:stream';
import type { Cell } from './export-columns.js';
import { neutralizeFormula } from './formula-neutralization.js';
import type { TableColumn, TableWriter } from './table-writer.js';
import { ZipStream } from './zip-stream.js';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

const CONTENT_TYPES =
  `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  '</Types>';

const ROOT_RELS =
  `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

const WORKBOOK_RELS =
  `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>` +
  `<Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`;

/** Style 0: plain; 1: bold (the header row); 2: money, built-in number format 4 (`#,##0.00`). */
const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

const MONEY_STYLE = 2;
const HEADER_STYLE = 1;

/** Characters XML 1.0 cannot carry at all are dropped; markup characters are escaped. */
// eslint-disable-next-line no-control-regex -- matching the control characters is the point
const NOT_XML = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;
const MARKUP = /[&<>]/;
const MARKUP_ALL = /[&<>]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

export function xmlText(text: string): string {
  const clean = text.replace(NOT_XML, '');
  return MARKUP.test(clean) ? clean.replace(MARKUP_ALL, (c) => ENTITIES[c]!) : clean;
}

/** Column letters: 0 → A, 25 → Z, 26 → AA. */
function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Excel forbids `[]:*?/\` in a sheet name and allows 31 characters. */
const sheetNameOf = (name: string) => xmlText(name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet1');

function workbookXml(sheetName: string): string {
  return (
    `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews>` +
    `<sheets><sheet name="${sheetNameOf(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`
  );
}

function sheetHead(columns: readonly TableColumn[]): string {
  const cols = columns
    .map((column, i) => `<col min="${i + 1}" max="${i + 1}" width="${column.width}" customWidth="1"/>`)
    .join('');
  return (
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`
  );
}

/**
 * XLSX written as its XML parts straight into a streamed ZIP: one sheet, text inline (no shared
 * string table, so memory does not grow with the rows), a bold frozen header row, money as numbers
 * with two decimals. Rows go out a page at a time, each page one piece of text, which is what
 * makes it several times faster than building cell objects per value (bench W12).
 */
export function xlsxWriter(out: Writable, columns: readonly TableColumn[], sheetName: string): TableWriter {
  const zip = new ZipStream(out);
  const letters = columns.map((_, i) => columnLetters(i));
  const moneyStyle = columns.map((column) => (column.kind === 'money' ? ` s="${MONEY_STYLE}"` : ''));
  let rowNumber = 0;
  const rowXml = (cells: readonly (Cell | string)[], style: string): string => {
    rowNumber++;
    let xml = `<row r="${rowNumber}">`;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      const ref = `${letters[i]}${rowNumber}`;
      if (typeof cell === 'string') {
        if (cell !== '') xml += `<c r="${ref}"${style} t="str"><v>${xmlText(neutralizeFormula(cell))}</v></c>`;
      } else if (typeof cell === 'number' && Number.isFinite(cell)) {
        xml += `<c r="${ref}"${style || moneyStyle[i]}><v>${cell}</v></c>`;
      }
    }
    return `${xml}</row>`;
  };
  const started = (async () => {
    await zip.add('[Content_Types].xml', CONTENT_TYPES);
    await zip.add('_rels/.rels', ROOT_RELS);
    await zip.add('xl/workbook.xml', workbookXml(sheetName));
    await zip.add('xl/_rels/workbook.xml.rels', WORKBOOK_RELS);
    await zip.add('xl/styles.xml', STYLES);
    const sheet = zip.stream('xl/worksheets/sheet1.xml');
    const headers = columns.map((column) => column.header);
    await sheet.write(sheetHead(columns) + rowXml(headers, ` s="${HEADER_STYLE}"`));
    return sheet;
  })();
  return {
    async writeRows(rows) {
      const sheet = await started;
      let xml = '';
      for (const row of rows) xml += rowXml(row, '');
      await sheet.write(xml);
    },
    async finish() {
      const sheet = await started;
      await sheet.write('</sheetData></worksheet>');
      await sheet.end();
      await zip.finish();
    },
  };
}
