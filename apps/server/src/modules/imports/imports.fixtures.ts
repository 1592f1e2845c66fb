import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { ImportJob, ImportMapping } from '@guanxi/contract';
import { createEventBus, type EventBus } from '../../platform/events/index.js';
import type { Client } from '../../test/test-app.js';
import { lifecycleModule } from '../lifecycle/index.js';

/** Test data builders for imports: files in several encodings and formats, and the wizard's calls. */

export const csvOf = (rows: readonly (readonly string[])[], delimiter = ','): string =>
  rows
    .map((row) => row.map((cell) => (/[",\n;\t]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(delimiter))
    .join('\r\n') + '\r\n';

export const encode = (text: string, encoding: string): Buffer =>
  iconv.encode(text, encoding, { addBOM: encoding.startsWith('utf-16') });

export async function xlsxOf(
  rows: readonly (readonly (string | number | Date)[])[],
  sheetName = 'Sheet1',
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A multipart/form-data body with text fields before the file, as browsers send a FormData. */
export function multipart(fields: Record<string, string>, file: { name: string; bytes: Buffer }) {
  const boundary = `----guanxi${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const uploadImport = (client: Client, kind: string, file: { name: string; bytes: Buffer }) => {
  const body = multipart({ kind }, file);
  return client.request({ method: 'POST', url: '/api/v1/imports', payload: body.payload, headers: body.headers });
};

/** Uploads, saves the suggested mapping with the changes given, and answers the job. */
export async function uploadAndMap(
  client: Client,
  kind: string,
  file: { name: string; bytes: Buffer },
  changes: Partial<ImportMapping> = {},
): Promise<ImportJob> {
  const uploaded = await uploadImport(client, kind, file);
  if (uploaded.statusCode !== 201) throw new Error(`upload failed: ${uploaded.statusCode} ${uploaded.body}`);
  const job = uploaded.json() as ImportJob;
  const saved = await client.put(`/api/v1/imports/${job.id}/mapping`, { ...job.mapping, ...changes });
  if (saved.statusCode !== 200) throw new Error(`mapping failed: ${saved.statusCode} ${saved.body}`);
  return saved.json() as ImportJob;
}

/** The worker's event bus in tests: the lifecycle rules subscribed, as the server's bus has them. */
export function testEventBus(): EventBus {
  const events = createEventBus();
  lifecycleModule.subscribe?.(events);
  return events;
}
