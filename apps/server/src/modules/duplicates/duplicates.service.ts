import {
  normalizeCreditCode,
  type DuplicateKey,
  type DuplicateMatch,
  type DuplicateQuery,
  type DuplicateResult,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors/app-error.js';
import { duplicateError, mergeMatches, toDuplicateMatch } from './duplicate-matches.js';
import {
  nameBigrams,
  normalizeEmail,
  normalizeName,
  normalizePhone,
} from '../../platform/search/text-normalization.js';
import { getNameSimilarityPercent } from './duplicate-settings.js';
import { isSimilarName } from './name-similarity.js';
import {
  duplicatesRepository,
  type BigramStatistics,
  type CandidateRow,
  type ExactKeys,
} from './duplicates.repository.js';
import { containedNames, overlapPlan } from './name-candidates.js';

/** Values of a customer write that changed; only changed values are checked. */
export interface CustomerDuplicateInput {
  excludeId?: string | undefined;
  name?: string | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  creditCode?: string | null | undefined;
}

export interface ContactDuplicateInput {
  excludeId?: string | undefined;
  customerId: string;
  name?: string | undefined;
  mobile?: string | null | undefined;
  email?: string | null | undefined;
}

const MAX_WARNINGS = 10;

function exactKeysOf(input: {
  phone?: string | null | undefined;
  email?: string | null | undefined;
  creditCode?: string | null | undefined;
}): ExactKeys {
  return {
    phoneE164: normalizePhone(input.phone).e164 ?? undefined,
    emailNormalized: input.email ? normalizeEmail(input.email) : undefined,
    creditCode: input.creditCode ? normalizeCreditCode(input.creditCode) : undefined,
  };
}

const matchedKeys = (row: CandidateRow, keys: ExactKeys): DuplicateKey[] => {
  const on: DuplicateKey[] = [];
  if (keys.phoneE164 && row.phoneE164 === keys.phoneE164) on.push('phone');
  if (keys.emailNormalized && row.emailNormalized === keys.emailNormalized) on.push('email');
  if (keys.creditCode && row.creditCode === keys.creditCode) on.push('creditCode');
  return on;
};

const FREQUENCIES_TTL_MS = 10 * 60_000;
let bigramFrequencies: { at: number; values: BigramStatistics } | null = null;

/** Planner statistics change slowly (nightly ANALYZE); they steer which bigrams the probe reads first. */
export async function statisticsOf(executor: Executor): Promise<BigramStatistics> {
  if (!bigramFrequencies || Date.now() - bigramFrequencies.at > FREQUENCIES_TTL_MS) {
    bigramFrequencies = { at: Date.now(), values: await duplicatesRepository.nameBigramFrequencies(executor) };
  }
  return bigramFrequencies.values;
}

/**
 * Customers whose normalized name is similar (domain §4), best first: bigram overlap at the
 * organization's threshold, the name inside another, or another inside the name.
 */
async function similarCustomers(
  executor: Executor,
  actor: Actor,
  name: string,
  excludeId?: string,
): Promise<DuplicateMatch[]> {
  const normalized = normalizeName(name);
  const bigrams = nameBigrams(normalized);
  if (bigrams.length === 0) return [];
  const percent = await getNameSimilarityPercent(executor, actor.orgId);
  const stats = await statisticsOf(executor);
  const plan = overlapPlan(
    bigrams,
    percent,
    (bigram) => (stats.frequencies.get(bigram) ?? stats.minFrequency) * stats.rows,
  );
  const found = [
    ...(plan ? await duplicatesRepository.findCustomersByOverlap(executor, actor, plan, excludeId) : []),
    ...(await duplicatesRepository.findCustomersByNormalizedNames(
      executor,
      actor,
      containedNames(normalized),
      excludeId,
    )),
    ...([...normalized].length >= 2
      ? await duplicatesRepository.findCustomersContainingName(executor, actor, { normalized, bigrams, excludeId })
      : []),
  ];
  const unique = [...new Map(found.map((row) => [row.id, row])).values()];
  const scored = unique
    .map((row) => ({ row, ...isSimilarName(normalized, row.nameNormalized ?? normalizeName(row.name), percent) }))
    .filter((c) => c.similar)
    .sort((a, b) => b.similarity - a.similarity || a.row.id.localeCompare(b.row.id))
    .slice(0, MAX_WARNINGS);
  return scored.map(({ row, similarity }) =>
    toDuplicateMatch(actor, 'customer', row, { matchedOn: ['name'], similarity }),
  );
}

/** Block on exact keys (409 `duplicate`), warn on similar names; used inside the write's transaction. */
export const duplicateCheck = {
  async customerWrite(executor: Executor, actor: Actor, input: CustomerDuplicateInput): Promise<DuplicateMatch[]> {
    const keys = exactKeysOf(input);
    const lockKeys = Object.entries(keys)
      .filter(([, v]) => v)
      .map(([k, v]) => `customer:${k}:${v as string}`);
    await duplicatesRepository.lockKeys(executor, actor.orgId, lockKeys);
    const rows = await duplicatesRepository.findCustomersByKeys(executor, actor, keys, input.excludeId);
    const fieldOf: Record<string, string> = { phone: 'phone', email: 'email', creditCode: 'creditCode' };
    const blocking = rows.flatMap((row) => {
      const on = matchedKeys(row, keys);
      const match = toDuplicateMatch(actor, 'customer', row, { matchedOn: on });
      return on.map((key) => ({ field: fieldOf[key]!, match }));
    });
    if (blocking.length > 0) throw duplicateError('customer', blocking);
    return input.name === undefined ? [] : similarCustomers(executor, actor, input.name, input.excludeId);
  },

  async contactWrite(executor: Executor, actor: Actor, input: ContactDuplicateInput): Promise<DuplicateMatch[]> {
    const keys = exactKeysOf({ phone: input.mobile, email: input.email });
    const lockKeys = Object.entries(keys)
      .filter(([, v]) => v)
      .map(([k, v]) => `contact:${k}:${v as string}`);
    await duplicatesRepository.lockKeys(executor, actor.orgId, lockKeys);
    const rows = await duplicatesRepository.findContactsByKeys(executor, actor, keys, input.excludeId);
    const blocking = rows.flatMap((row) => {
      const on = matchedKeys(row, keys);
      const match = toDuplicateMatch(actor, 'contact', row, { matchedOn: on });
      return on.map((key) => ({ field: key === 'phone' ? 'mobile' : key, match }));
    });
    if (blocking.length > 0) throw duplicateError('contact', blocking);
    if (input.name === undefined) return [];
    const sameName = await duplicatesRepository.findContactsByName(executor, actor, {
      customerId: input.customerId,
      nameNormalized: normalizeName(input.name),
      excludeId: input.excludeId,
    });
    return sameName.map((row) => toDuplicateMatch(actor, 'contact', row, { matchedOn: ['name'], similarity: 1 }));
  },
};

/**
 * Where the standalone check looks. Customers cover own records, colleagues' and the pools
 * (owner null); contacts are found by mobile and email.
 * Extension point: the leads module adds a source here for unconverted leads.
 */
export interface DuplicateSource {
  find(
    executor: Executor,
    actor: Actor,
    query: { keys: ExactKeys; name?: string | undefined; excludeId?: string | undefined },
  ): Promise<DuplicateMatch[]>;
}

const customerSource: DuplicateSource = {
  async find(executor, actor, { keys, name, excludeId }) {
    const rows = await duplicatesRepository.findCustomersByKeys(executor, actor, keys, excludeId);
    const exact = rows.map((row) => toDuplicateMatch(actor, 'customer', row, { matchedOn: matchedKeys(row, keys) }));
    return name ? [...exact, ...(await similarCustomers(executor, actor, name, excludeId))] : exact;
  },
};

const contactSource: DuplicateSource = {
  async find(executor, actor, { keys, excludeId }) {
    const rows = await duplicatesRepository.findContactsByKeys(executor, actor, keys, excludeId);
    return rows.map((row) => toDuplicateMatch(actor, 'contact', row, { matchedOn: matchedKeys(row, keys) }));
  },
};

/** Modules add their sources once at start-up (see leads). */
export const DUPLICATE_SOURCES: DuplicateSource[] = [customerSource, contactSource];

export function createDuplicatesService({ db }: { db: Db }) {
  return {
    /** The standalone 查重 search (GET /duplicates). */
    async find(actor: Actor, query: DuplicateQuery): Promise<DuplicateResult> {
      if (!query.name && !query.phone && !query.email && !query.creditCode)
        throw invalidField('name', 'validation.required');
      const keys = exactKeysOf(query);
      const found = await Promise.all(
        DUPLICATE_SOURCES.map((source) =>
          source.find(db, actor, { keys, name: query.name, excludeId: query.excludeId }),
        ),
      );
      return { matches: mergeMatches(found.flat()) };
    },
  };
}
