import { sql } from 'drizzle-orm';
import { boolean, date, index, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import {
  editable,
  externalId,
  externalIdKey,
  liveIndex,
  organizationReference,
  searchTokens,
  softDeletedBy,
  tenantKey,
  tenantPrimaryKey,
  tenantReference,
  textList,
  customFieldValues,
} from './columns.js';
import { organizations, users } from './organizations.js';

export const customers = pgTable(
  'customers',
  {
    ...tenantKey(),
    customerNo: varchar('customer_no', { length: 32 }).notNull(),
    kind: varchar('kind', { length: 10 }).notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    /** As typed (`parsePhone` in the contract reads it). */
    phone: varchar('phone', { length: 40 }),
    email: varchar('email', { length: 254 }),
    industry: varchar('industry', { length: 50 }),
    // Codes of the organization's dictionaries (dictionary_entries): customer level and source.
    tier: varchar('tier', { length: 32 }),
    source: varchar('source', { length: 32 }),
    stage: varchar('stage', { length: 20 }).notNull().default('prospect'),
    stageEnteredAt: timestamp('stage_entered_at', { withTimezone: true }).notNull().defaultNow(),
    city: varchar('city', { length: 50 }),
    address: varchar('address', { length: 200 }),
    remarks: text('remarks'),
    // Customer fields (issue 3): company (B2B) and person (B2C) details.
    creditCode: varchar('credit_code', { length: 18 }),
    scale: varchar('scale', { length: 10 }),
    website: varchar('website', { length: 200 }),
    gender: varchar('gender', { length: 10 }),
    birthday: date('birthday', { mode: 'string' }),
    province: varchar('province', { length: 50 }),
    district: varchar('district', { length: 50 }),
    /** GB/T 2260 code of the most specific region given (optional). */
    regionCode: varchar('region_code', { length: 6 }),
    tags: textList('tags'),
    // Normalized copies for the duplicate check (domain §4), written by the application.
    nameNormalized: varchar('name_normalized', { length: 200 }),
    nameBigrams: textList('name_bigrams'),
    /** The phone's E.164 form (`+862166668888`), the duplicate check's key, and its extension. */
    phoneE164: varchar('phone_e164', { length: 16 }),
    phoneExt: varchar('phone_ext', { length: 10 }),
    emailNormalized: varchar('email_normalized', { length: 254 }),
    ownerId: uuid('owner_id'),
    // Ownership (pools module): the pool a customer belongs to (null = the org's default pool),
    // the owner when it last entered the pool, the start of the current ownership, reclaim lock.
    poolId: uuid('pool_id'),
    previousOwnerId: uuid('previous_owner_id'),
    ownedSince: timestamp('owned_since', { withTimezone: true }).defaultNow(),
    locked: boolean('locked').notNull().default(false),
    lastFollowUpAt: timestamp('last_follow_up_at', { withTimezone: true }),
    /**
     * Relationship phase (关系阶段), a copy of `customer_relationship_phases.phase` for list filters and
     * columns. The nightly job writes it only where the phase changed, so its indexes cost little.
     */
    relationshipPhase: varchar('relationship_phase', { length: 12 }),
    /**
     * RFM segment (domain §7), a copy of `customer_values.rfm_segment` for list filters and columns;
     * the nightly job writes it only where it changed, and clears it when the customer left the snapshot.
     */
    rfmSegment: varchar('rfm_segment', { length: 20 }),
    // Next contact time of the latest follow-up (follow-ups module keeps it in step).
    nextContactAt: timestamp('next_contact_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    ...externalId(),
    ...customFieldValues(),
    ...editable(),
    ...softDeletedBy(),
    ...searchTokens(),
  },
  (t) => [
    externalIdKey('customers', t),
    tenantPrimaryKey(t),
    organizationReference(t, organizations),
    tenantReference(t, t.ownerId, users),
    uniqueIndex('customers_no_key').on(t.orgId, t.customerNo),
    // Keyset pagination indexes: (filter…, sort key, id) for live rows only.
    liveIndex('customers_owner_updated_idx', t.orgId, t.ownerId, t.updatedAt, t.id),
    liveIndex('customers_owner_stage_updated_idx', t.orgId, t.ownerId, t.stage, t.updatedAt, t.id),
    liveIndex('customers_updated_idx', t.orgId, t.updatedAt, t.id),
    liveIndex('customers_stage_updated_idx', t.orgId, t.stage, t.updatedAt, t.id),
    // Board "stuck": customers who entered their stage since a cutoff, per owner, from the index alone.
    liveIndex('customers_stage_entered_idx', t.orgId, t.stage, t.stageEnteredAt, t.ownerId),
    // Days in stage (issue 13): sort and "at least / at most N days" as keyset ranges of the entered time.
    liveIndex('customers_entered_idx', t.orgId, t.stageEnteredAt, t.id),
    liveIndex('customers_owner_entered_idx', t.orgId, t.ownerId, t.stageEnteredAt, t.id),
    liveIndex('customers_created_idx', t.orgId, t.createdAt, t.id),
    liveIndex('customers_name_idx', t.orgId, t.name, t.id),
    index('customers_deleted_idx')
      .on(t.orgId, t.deletedAt, t.id)
      .where(sql`deleted_at is not null`),
    index('customers_search_idx').using('gin', t.searchTokens),
    index('customers_tags_idx').using('gin', t.tags),
    // Custom field filters (`custom_fields @> {...}`, issue 14).
    index('customers_custom_fields_idx').using('gin', sql`${t.customFields} jsonb_path_ops`),
    index('customers_name_bigrams_idx').using('gin', t.nameBigrams),
    liveIndex('customers_phone_e164_idx', t.orgId, t.phoneE164),
    liveIndex('customers_email_normalized_idx', t.orgId, t.emailNormalized),
    liveIndex('customers_credit_code_idx', t.orgId, t.creditCode),
    liveIndex('customers_name_normalized_idx', t.orgId, t.nameNormalized),
    // Follow-ups: an owner's upcoming contacts, and customers neglected since a cutoff (team activity).
    index('customers_owner_next_contact_idx')
      .on(t.orgId, t.ownerId, t.nextContactAt)
      .where(sql`deleted_at is null and next_contact_at is not null`),
    liveIndex('customers_owner_last_follow_up_idx', t.orgId, t.ownerId, t.lastFollowUpAt),
    // The phase filter (bench run-phases at 1M): an organization's page by last change, and a
    // salesperson's count. Phases change for few customers a night, so the nightly writes stay small.
    liveIndex('customers_phase_updated_idx', t.orgId, t.relationshipPhase, t.updatedAt, t.id),
    liveIndex('customers_owner_phase_idx', t.orgId, t.ownerId, t.relationshipPhase),
    // The RFM segment filter, as the phase's: an organization's page by last change, a salesperson's count.
    liveIndex('customers_rfm_updated_idx', t.orgId, t.rfmSegment, t.updatedAt, t.id),
    liveIndex('customers_owner_rfm_idx', t.orgId, t.ownerId, t.rfmSegment),
    // Follow-up overdue (issue 13): per stage, the last follow-up older than the stage's cadence.
    liveIndex('customers_stage_last_follow_up_idx', t.orgId, t.stage, t.lastFollowUpAt),
    index('customers_pool_idx')
      .on(t.orgId, t.poolId, t.id)
      .where(sql`owner_id is null and deleted_at is null`),
  ],
);
