import type { DuplicateKey, DuplicateMatch } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import {
  DUPLICATE_SOURCES,
  duplicateError,
  toDuplicateMatch,
  type DuplicateSource,
  type ExactKeys,
} from '../duplicates/index.js';
import { normalizeEmail, normalizePhone } from '../../platform/search/text-normalization.js';
import { readableLeadScope } from './lead-scope.js';
import { leadsRepository } from './leads.repository.js';

type LeadCandidate = Awaited<ReturnType<typeof leadsRepository.findByKeys>>[number];

const matchedKeys = (row: LeadCandidate, keys: ExactKeys): DuplicateKey[] => {
  const on: DuplicateKey[] = [];
  if (keys.phoneE164 && (row.mobileE164 === keys.phoneE164 || row.phoneE164 === keys.phoneE164)) on.push('phone');
  if (keys.emailNormalized && row.emailNormalized === keys.emailNormalized) on.push('email');
  return on;
};

async function findLeads(executor: Executor, actor: Actor, keys: ExactKeys, excludeId?: string) {
  return leadsRepository.findByKeys(executor, actor, keys, { excludeId, inScope: readableLeadScope(actor) });
}

/** Unconverted leads in the standalone 查重 search (domain §4); protected fields only where visible. */
export const leadDuplicateSource: DuplicateSource = {
  async find(executor, actor, { keys, excludeId }) {
    const rows = await findLeads(executor, actor, keys, excludeId);
    return rows.map((row) => toDuplicateMatch(actor, 'lead', row, { matchedOn: matchedKeys(row, keys) }));
  },
};

export interface LeadDuplicateInput {
  excludeId?: string | undefined;
  mobile?: string | null | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
}

/**
 * Inside a lead write's transaction: another unconverted lead with the same phone or email blocks
 * (409 `duplicate`); customers and contacts with it come back as warnings, since the lead may be
 * the way back to a known customer.
 */
export async function checkLeadWrite(
  executor: Executor,
  actor: Actor,
  input: LeadDuplicateInput,
): Promise<DuplicateMatch[]> {
  const mobileKey = normalizePhone(input.mobile).e164;
  const phones = [mobileKey, normalizePhone(input.phone).e164].filter((key): key is string => key !== null);
  const email = input.email ? normalizeEmail(input.email) : undefined;
  await leadsRepository.lockKeys(executor, actor.orgId, [
    ...phones.map((d) => `phone:${d}`),
    ...(email ? [`email:${email}`] : []),
  ]);
  const keySets: ExactKeys[] =
    phones.length > 0
      ? phones.map((phoneE164) => ({ phoneE164, emailNormalized: email }))
      : [{ emailNormalized: email }];
  const blocking: { field: string; match: DuplicateMatch }[] = [];
  const warnings: DuplicateMatch[] = [];
  for (const keys of keySets) {
    if (!keys.phoneE164 && !keys.emailNormalized) continue;
    for (const row of await findLeads(executor, actor, keys, input.excludeId)) {
      const on = matchedKeys(row, keys);
      const match = toDuplicateMatch(actor, 'lead', row, { matchedOn: on });
      const phoneField = keys.phoneE164 === mobileKey ? 'mobile' : 'phone';
      for (const key of on) blocking.push({ field: key === 'phone' ? phoneField : key, match });
    }
    for (const source of DUPLICATE_SOURCES) {
      if (source !== leadDuplicateSource) warnings.push(...(await source.find(executor, actor, { keys })));
    }
  }
  if (blocking.length > 0) throw duplicateError('lead', blocking);
  const seen = new Set<string>();
  return warnings.filter((m) => !seen.has(`${m.entity}:${m.id}`) && seen.add(`${m.entity}:${m.id}`));
}

/** Adds the lead source to the standalone check once, however many apps start. */
export function registerLeadDuplicateSource(): void {
  if (!DUPLICATE_SOURCES.includes(leadDuplicateSource)) DUPLICATE_SOURCES.push(leadDuplicateSource);
}
