import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { queryRows } from '../platform/db/query.js';
import type { Client } from '../test/test-app.js';
import type { Kind } from './route-sweep.js';

/**
 * The data and the checks of the cross-organization sweep (cross-organization.test.ts): records of
 * the kinds the demo seed leaves out, a fingerprint of everything an organization holds, and the
 * ids and texts by which an answer would give one of its records away.
 */

/** A 1×1 PNG's signature and header: enough for the upload's content check. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

async function created(client: Client, url: string, body: object): Promise<string> {
  const response = await client.post(url, body);
  if (response.statusCode >= 300) throw new Error(`POST ${url}: ${response.statusCode} ${response.body}`);
  return (response.json() as { id: string }).id;
}

/**
 * Adds, as the organization's administrator, one record of each kind the demo seed has none of
 * (contacts, leads and their pools, tasks, reports, plans, custom fields, views, tokens, attachments, a data
 * export, a background list export), so that
 * every route taking a record id gets a real one.
 */
export async function addKindsTheDemoLacks(admin: Client, ids: ReadonlyMap<Kind, string>): Promise<void> {
  const customerId = ids.get('customers')!;
  const today = new Date().toISOString().slice(0, 10);
  await created(admin, '/api/v1/contacts', { customerId, name: '甲组织联系人', mobile: '13911112222' });
  const poolId = await created(admin, '/api/v1/lead-pools', { name: '甲组织线索池' });
  await created(admin, '/api/v1/leads', { name: '甲组织线索', mobile: '13911113333', poolId });
  await created(admin, '/api/v1/tasks', { title: '甲组织任务', relatedType: 'customer', relatedId: customerId });
  await created(admin, '/api/v1/work-reports', { kind: 'daily', period: today, work: '拜访客户' });
  await created(admin, '/api/v1/work-plans', { kind: 'daily', period: today, note: '明日计划' });
  await created(admin, '/api/v1/custom-fields', { entity: 'customer', label: '甲组织字段', type: 'text' });
  await created(admin, '/api/v1/saved-views', { module: 'customers', name: '甲组织视图', query: {}, shared: true });
  await created(admin, '/api/v1/auth/tokens', { name: '甲组织令牌' });
  const uploaded = await admin.upload(`/api/v1/follow-ups/${ids.get('follow_ups')!}/attachments`, {
    fileName: '名片.png',
    bytes: PNG,
  });
  if (uploaded.statusCode !== 201) throw new Error(`attachment upload: ${uploaded.statusCode} ${uploaded.body}`);
  const importJob = await admin.upload(
    '/api/v1/imports',
    { fileName: '甲组织客户.csv', bytes: Buffer.from('客户名称,手机\n甲组织导入客户,13911114444\n') },
    { kind: 'customers' },
  );
  if (importJob.statusCode !== 201) throw new Error(`import upload: ${importJob.statusCode} ${importJob.body}`);
  const job = importJob.json() as { mapping: object };
  await created(admin, '/api/v1/import-templates', {
    kind: 'customers',
    name: '甲组织模板',
    headers: ['客户名称', '手机'],
    mapping: job.mapping,
  });
  await created(admin, '/api/v1/organization-exports', {});
  // The export runs in the background: its record must be final before anything is compared.
  const isRunning = async () =>
    ((await admin.get('/api/v1/organization-exports')).json() as { items: { state: string }[] }).items.some(
      (e) => e.state === 'running',
    );
  while (await isRunning()) await new Promise((resolve) => setTimeout(resolve, 100));
  // A list past the inline export limit (the sweep sets it low) becomes a background export job.
  const listExport = await admin.get('/api/v1/customers/export?format=csv');
  if (listExport.statusCode !== 202) throw new Error(`list export job: ${listExport.statusCode}`);
  const jobId = (listExport.json() as { id: string }).id;
  const jobState = async () => ((await admin.get(`/api/v1/export-jobs/${jobId}`)).json() as { state: string }).state;
  while (['queued', 'running'].includes(await jobState())) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** The tables that hold an organization's rows: all with an `org_id` column. */
async function tenantTables(db: Db): Promise<{ name: string; hasId: boolean }[]> {
  const rows = await queryRows<{ name: string; has_id: boolean }>(
    db,
    sql`select c.table_name as name,
               exists (select 1 from information_schema.columns i
                        where i.table_schema = c.table_schema and i.table_name = c.table_name
                          and i.column_name = 'id') as has_id
          from information_schema.columns c
         where c.table_schema = current_schema() and c.column_name = 'org_id'
         order by c.table_name`,
  );
  return rows.map((r) => ({ name: r.name, hasId: r.has_id }));
}

/**
 * Per table, the organization's row count and an md5 of its rows in text form: any insert, update
 * or delete of one of its rows (audit entries, versions, timestamps included) changes it.
 */
export async function fingerprint(db: Db, orgId: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const { name } of await tenantTables(db)) {
    const [row] = await queryRows<{ rows: number; md5: string }>(
      db,
      sql`select count(*)::int as rows, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as md5
            from ${sql.identifier(name)} t where t.org_id = ${orgId}`,
    );
    result[name] = `${row!.rows} rows, md5 ${row!.md5}`;
  }
  return result;
}

/**
 * What would give the organization's records away in another's answer: every record id (and the
 * organization's own), its customers' names and phone numbers, its users' names.
 */
export async function giveaways(db: Db, orgId: string): Promise<{ ids: Set<string>; texts: string[] }> {
  const ids = new Set<string>([orgId]);
  for (const { name, hasId } of await tenantTables(db)) {
    if (!hasId) continue;
    const rows = await queryRows<{ id: string }>(
      db,
      sql`select id::text as id from ${sql.identifier(name)} where org_id = ${orgId}`,
    );
    for (const { id } of rows) ids.add(id);
  }
  const texts = await queryRows<{ text: string }>(
    db,
    sql`select name as text from customers where org_id = ${orgId} and char_length(name) >= 4
        union select phone from customers where org_id = ${orgId} and phone is not null
        union select display_name from users where org_id = ${orgId} and char_length(display_name) >= 3`,
  );
  return { ids, texts: texts.map((t) => t.text) };
}

/** An answer without what differs from one call to the next: request ids, times, measured latency. */
export const settled = (body: string) =>
  body
    .replace(/"requestId":"[^"]*"/g, '"requestId":""')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<time>')
    .replace(/"latencyMs":\d+/g, '"latencyMs":0');

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The giveaways found in an answer's text (ids, names), none for a clean one. */
export function giveawaysIn(text: string, found: { ids: Set<string>; texts: string[] }): string[] {
  const ids = [...new Set(text.match(UUID) ?? [])].filter((id) => found.ids.has(id.toLowerCase()));
  return [...ids, ...found.texts.filter((t) => text.includes(t) || text.includes(JSON.stringify(t).slice(1, -1)))];
}

/** A PNG upload's content, for bodies that carry a file. */
export { PNG };

/** Runs by hand, as the organization's administrator, every job it may run (all but installation-wide ones). */
export async function runEveryJob(admin: Client): Promise<string[]> {
  const jobs = (await admin.get('/api/v1/jobs')).json() as { items: { name: string; installationWide: boolean }[] };
  for (const job of jobs.items.filter((j) => !j.installationWide)) {
    const run = await admin.post(`/api/v1/jobs/${job.name}/run`, {});
    if (run.statusCode !== 200) throw new Error(`run ${job.name}: ${run.statusCode} ${run.body}`);
  }
  return jobs.items.map((j) => j.name);
}

/** The organization's oldest customer's name, phone and email, to search for in another. */
export async function searchTerms(db: Db, orgId: string): Promise<{ name: string; phone: string; email: string }> {
  const [row] = await queryRows<{ name: string; phone: string; email: string }>(
    db,
    sql`select name, phone, email from customers
         where org_id = ${orgId} and phone is not null and email is not null order by id limit 1`,
  );
  return row!;
}
