import type { CustomFieldValues } from '@guanxi/contract';
import { sql, type SQLWrapper } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { customers, users } from '../../platform/db/schema/index.js';
import { pageQuery, type ListScope, type PageOptions } from './customer-list.repository.js';
import { ownerJoin } from './customers.repository.js';

/**
 * A customer as a file's row (list export): the list's columns as plain values, times as epoch
 * milliseconds, tags joined; a field hidden from the reader is null.
 */
export interface CustomerFileRow {
  id: string;
  customerNo: string;
  name: string;
  kind: string;
  stage: string;
  /** Whole days since the customer entered its stage, as the list's `daysInStage`. */
  daysInStage: number;
  tier: string | null;
  source: string | null;
  rfmSegment: string | null;
  phone: string | null;
  email: string | null;
  creditCode: string | null;
  industry: string | null;
  scale: string | null;
  gender: string | null;
  birthday: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  address: string | null;
  website: string | null;
  tags: string;
  remarks: string | null;
  ownerName: string | null;
  createdAt: number;
  updatedAt: number;
  /** Every custom value; the export shows only the fields the reader may see. */
  customFields: CustomFieldValues;
}

const epochMs = (value: SQLWrapper) => sql`(extract(epoch from ${value}) * 1000)::float8`;

/**
 * The customer list's pages as a file reads them (list export): the same scope, filters, order
 * and keyset as customer-list.repository `findPage`, but plain SQL rows as the driver gives
 * them: no ORM mapping per field, which was most of a CSV export's time (bench W12).
 */
export const customerFileRepository = {
  async findPage(
    db: Executor,
    scope: ListScope,
    options: PageOptions & { withTotal?: boolean; hidden: ReadonlySet<string> },
  ): Promise<{ rows: CustomerFileRow[]; sortValues: (string | null)[]; total: number | null }> {
    const { column, where, order } = pageQuery(db, scope, options);
    const shown = (field: string, value: SQLWrapper) => (options.hidden.has(field) ? sql`null::text` : value);
    const fields: Record<keyof CustomerFileRow | 'sortValue' | 'total', unknown> = {
      id: customers.id,
      customerNo: customers.customerNo,
      name: customers.name,
      kind: customers.kind,
      stage: customers.stage,
      daysInStage: sql`greatest(0, floor(extract(epoch from (now() - ${customers.stageEnteredAt})) / 86400))::int`,
      tier: customers.tier,
      source: customers.source,
      rfmSegment: customers.rfmSegment,
      phone: shown('phone', customers.phone),
      email: shown('email', customers.email),
      creditCode: customers.creditCode,
      industry: customers.industry,
      scale: customers.scale,
      gender: customers.gender,
      birthday: sql`${customers.birthday}::text`,
      province: customers.province,
      city: customers.city,
      district: customers.district,
      address: shown('address', customers.address),
      website: customers.website,
      tags: sql`array_to_string(${customers.tags}, ', ')`,
      remarks: shown('remarks', customers.remarks),
      ownerName: users.displayName,
      createdAt: epochMs(customers.createdAt),
      updatedAt: epochMs(customers.updatedAt),
      customFields: customers.customFields,
      sortValue: sql`${column}::text`,
      total: options.withTotal ? sql`(count(*) over ())::int` : sql`null::int`,
    };
    const select = sql.join(
      Object.entries(fields).map(([key, value]) => sql`${value} as ${sql.identifier(key)}`),
      sql`, `,
    );
    const rows = await queryRows<CustomerFileRow & { sortValue: string | null; total: number | null }>(
      db,
      sql`select ${select} from ${customers} left join ${users} on ${ownerJoin}
           ${where ? sql`where ${where}` : sql``}
           order by ${sql.join(order, sql`, `)} limit ${options.limit}`,
    );
    return {
      rows,
      sortValues: rows.map((r) => r.sortValue),
      total: options.withTotal ? Number(rows[0]?.total ?? 0) : null,
    };
  },
};
