import type { ImportJob, ImportMapping } from '@guanxi/contract';
import { expect } from 'vitest';
import { createEventBus } from '../../platform/events/index.js';
import type { Client, TestContext } from '../../test/test-app.js';
import { subscribeLifecycleRules } from '../lifecycle/index.js';
import { createImportWorker } from './import-worker.js';

/** A multipart body with form fields first, then the file, as the wizard's upload sends it. */
export function multipartBody(fields: Record<string, string>, file: { name: string; bytes: Buffer }) {
  const boundary = `----guanxi${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * Takes a file through the wizard as a user does — upload, the suggested mapping (adjusted by
 * `mapping`), check, run — with a worker draining the queue after each step, and answers the job
 * after the check and after the run.
 */
export async function importThroughWizard(
  ctx: TestContext,
  client: Client,
  options: {
    kind: string;
    fileName: string;
    bytes: Buffer;
    mapping?: (suggested: ImportMapping, job: ImportJob) => ImportMapping;
    dataDir: string;
    batchSize?: number;
  },
): Promise<{ checked: ImportJob; completed: ImportJob; seconds: number }> {
  const events = createEventBus();
  subscribeLifecycleRules(events);
  const worker = createImportWorker({
    db: ctx.database.db,
    events,
    dataDir: options.dataDir,
    batchSize: options.batchSize ?? 500,
  });
  const upload = await client.request({
    method: 'POST',
    url: '/api/v1/imports',
    ...multipartBody({ kind: options.kind }, { name: options.fileName, bytes: options.bytes }),
  });
  expect(upload.statusCode, upload.body).toBe(201);
  const job = upload.json() as ImportJob;
  const mapping = options.mapping ? options.mapping(job.mapping, job) : job.mapping;
  const saved = await client.put(`/api/v1/imports/${job.id}/mapping`, mapping);
  expect(saved.statusCode, saved.body).toBe(200);
  const check = await client.post(`/api/v1/imports/${job.id}/check`);
  expect(check.statusCode, check.body).toBeLessThan(300);
  await worker.drain();
  const checked = (await client.get(`/api/v1/imports/${job.id}`)).json() as ImportJob;
  expect(checked.status).toBe('checked');
  const started = Date.now();
  const run = await client.post(`/api/v1/imports/${job.id}/run`);
  expect(run.statusCode, run.body).toBeLessThan(300);
  await worker.drain();
  const seconds = (Date.now() - started) / 1000;
  const completed = (await client.get(`/api/v1/imports/${job.id}`)).json() as ImportJob;
  expect(completed.status).toBe('completed');
  return { checked, completed, seconds };
}

/** The suggested mapping with some fields pointed at columns by header (or unmapped with null). */
export function remap(
  suggested: ImportMapping,
  job: ImportJob,
  changes: Record<string, string | null>,
  extra: Partial<ImportMapping> = {},
): ImportMapping {
  const columns = { ...suggested.columns };
  for (const [field, header] of Object.entries(changes)) {
    if (header === null) delete columns[field];
    else {
      const column = job.columns.find((c) => c.header === header);
      if (!column) throw new Error(`no column ${header}`);
      columns[field] = column.index;
    }
  }
  return { ...suggested, columns, ...extra };
}
