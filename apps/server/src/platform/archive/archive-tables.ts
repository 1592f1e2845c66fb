import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { queryRows } from '../db/query.js';

/** One table of an organization archive as the exporter and importer see it. */
export interface ArchiveTable {
  name: string;
  /** Primary key columns first (in key order), then the others by name: the same on every database. */
  columns: string[];
  /** The primary key, or every column for a table without one (read by offset, see table-pages.ts). */
  key: string[];
  hasPrimaryKey: boolean;
  /** Key columns compared by bytes (`collate "C"`), so text keys sort alike on every database. */
  textColumns: Set<string>;
  /** Columns of foreign keys to the table itself (departments.parent_id): loaded in a second pass. */
  selfReferences: string[];
  /** `org_id`, or `id` for the organizations table itself. */
  orgColumn: string;
}

/**
 * Tables with an `org_id` column that are no part of an organization's own data:
 * - `sessions`: sign-ins; an archive holding live session hashes would let a reader act as a user.
 * - `jobs`, `job_runs`: the schedule and run history of this installation's runner; the target's
 *   runner schedules the organization's jobs itself when it starts.
 */
export const TABLES_LEFT_OUT = ['sessions', 'jobs', 'job_runs'] as const;

/**
 * Counters that triggers keep from other tables (customer_stage_counts from customers,
 * stage_move_daily from stage_transitions). The import loads them last and replaces what the
 * triggers built while loading with the archived rows, so counters that were zero stay as they were.
 */
export const MAINTAINED_TABLES = ['customer_stage_counts', 'stage_move_daily'] as const;

interface ColumnRow {
  table_name: string;
  column_name: string;
  data_type: string;
}
interface KeyRow {
  table_name: string;
  referenced: string | null;
  columns: string;
  kind: 'p' | 'f';
}

const TEXT_TYPES = new Set(['text', 'character varying', 'character']);

/**
 * Every table holding an organization's rows, found in the catalog (every table with an `org_id`
 * column, and `organizations`), ordered so that a table comes after every table it references.
 */
export async function findArchiveTables(db: Executor): Promise<ArchiveTable[]> {
  const columns = await queryRows<ColumnRow>(
    db,
    sql`select c.table_name, c.column_name, c.data_type
          from information_schema.columns c
          join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
         where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
           and (c.table_name = 'organizations' or exists (
                 select 1 from information_schema.columns o
                  where o.table_schema = c.table_schema and o.table_name = c.table_name and o.column_name = 'org_id'))`,
  );
  const keys = await queryRows<KeyRow>(
    db,
    sql`select t.relname as table_name, r.relname as referenced, c.contype as kind,
               (select string_agg(a.attname, ',' order by k.ord)
                  from unnest(c.conkey) with ordinality k(attnum, ord)
                  join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum) as columns
          from pg_constraint c
          join pg_class t on t.oid = c.conrelid
          left join pg_class r on r.oid = c.confrelid
         where c.contype in ('p', 'f') and t.relnamespace = current_schema()::regnamespace`,
  );
  const byTable = new Map<string, ColumnRow[]>();
  for (const column of columns) {
    if ((TABLES_LEFT_OUT as readonly string[]).includes(column.table_name)) continue;
    byTable.set(column.table_name, [...(byTable.get(column.table_name) ?? []), column]);
  }
  const tables = [...byTable.entries()].map(([name, tableColumns]) =>
    describeTable(
      name,
      tableColumns,
      keys.filter((k) => k.table_name === name),
    ),
  );
  return inDependencyOrder(tables, keys);
}

function describeTable(name: string, columns: ColumnRow[], keys: KeyRow[]): ArchiveTable {
  const primary = keys.find((k) => k.kind === 'p')?.columns.split(',') ?? [];
  const names = columns.map((c) => c.column_name);
  const others = names.filter((c) => !primary.includes(c)).sort();
  const ordered = [...primary, ...others];
  const selfReferences = keys
    .filter((k) => k.kind === 'f' && k.referenced === name)
    .flatMap((k) => k.columns.split(','))
    .filter((c) => c !== 'org_id' && !primary.includes(c));
  return {
    name,
    columns: ordered,
    key: primary.length > 0 ? primary : ordered,
    hasPrimaryKey: primary.length > 0,
    textColumns: new Set(columns.filter((c) => TEXT_TYPES.has(c.data_type)).map((c) => c.column_name)),
    selfReferences: [...new Set(selfReferences)],
    orgColumn: name === 'organizations' ? 'id' : 'org_id',
  };
}

/** Referenced tables first; the counters kept by triggers last; ties by name. */
function inDependencyOrder(tables: ArchiveTable[], keys: KeyRow[]): ArchiveTable[] {
  const names = new Set(tables.map((t) => t.name));
  const dependsOn = new Map<string, Set<string>>(tables.map((t) => [t.name, new Set<string>()]));
  for (const key of keys) {
    if (key.kind !== 'f' || !key.referenced || key.referenced === key.table_name) continue;
    if (names.has(key.table_name) && names.has(key.referenced)) dependsOn.get(key.table_name)!.add(key.referenced);
  }
  const ordered: ArchiveTable[] = [];
  const done = new Set<string>();
  const maintained = (name: string) => (MAINTAINED_TABLES as readonly string[]).includes(name);
  const remaining = [...tables].sort((a, b) => compareNames(a.name, b.name));
  while (remaining.length > 0) {
    const ready = remaining.findIndex(
      (t) => !maintained(t.name) && [...dependsOn.get(t.name)!].every((d) => done.has(d)),
    );
    const next = ready >= 0 ? ready : remaining.findIndex((t) => maintained(t.name));
    if (next < 0) {
      throw new Error(`foreign keys form a cycle between ${remaining.map((t) => t.name).join(', ')}`);
    }
    const [table] = remaining.splice(next, 1);
    ordered.push(table!);
    done.add(table!.name);
  }
  return ordered;
}

const compareNames = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
