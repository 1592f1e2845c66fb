import { customerFieldAccess, type DuplicateEntity, type DuplicateKey, type DuplicateMatch } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { MessageKey } from '../../platform/i18n/messages.js';
import type { CandidateRow } from './duplicates.repository.js';

const VIEW_PERMISSION = { customer: 'customers.view', contact: 'contacts.view', lead: 'leads.view' } as const;
const ENTITY_KEY: Record<DuplicateEntity, MessageKey> = {
  customer: 'entity.customer',
  contact: 'entity.contact',
  lead: 'entity.lead',
};

/** Whether the caller may open a record the check found: in their data scope and allowed to view its kind. */
export function canOpenMatch(actor: Pick<Actor, 'permissions'>, entity: DuplicateEntity, inScope: boolean): boolean {
  return inScope && actor.permissions.has(VIEW_PERMISSION[entity]);
}

/**
 * The API shape of a match. A record the caller may not open shows only that it exists and who
 * holds it: never its phone, email or credit code (domain §4).
 */
export function toDuplicateMatch(
  actor: Pick<Actor, 'permissions' | 'fieldPermissions'>,
  entity: DuplicateEntity,
  row: CandidateRow,
  found: { matchedOn: DuplicateKey[]; similarity?: number },
): DuplicateMatch {
  const accessible = canOpenMatch(actor, entity, row.inScope);
  const match: DuplicateMatch = {
    entity,
    id: row.id,
    name: row.name,
    ...(entity === 'contact' ? { customerId: row.customerId, customerName: row.customerName } : {}),
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    inPool: row.ownerId === null,
    accessible,
    matchedOn: found.matchedOn,
    ...(found.similarity === undefined ? {} : { similarity: found.similarity }),
  };
  if (!accessible) return match;
  if (customerFieldAccess(actor.fieldPermissions, 'phone') !== 'hidden') match.phone = row.phone;
  if (customerFieldAccess(actor.fieldPermissions, 'email') !== 'hidden') match.email = row.email;
  if (entity === 'customer') match.creditCode = row.creditCode;
  return match;
}

/** Merges matches of the same record found by several keys. */
export function mergeMatches(matches: DuplicateMatch[]): DuplicateMatch[] {
  const byKey = new Map<string, DuplicateMatch>();
  for (const match of matches) {
    const key = `${match.entity}:${match.id}`;
    const existing = byKey.get(key);
    if (!existing) byKey.set(key, { ...match, matchedOn: [...match.matchedOn] });
    else {
      for (const on of match.matchedOn) if (!existing.matchedOn.includes(on)) existing.matchedOn.push(on);
      if (match.similarity !== undefined) existing.similarity = match.similarity;
    }
  }
  return [...byKey.values()];
}

/** 409 `duplicate`: names the field, the matching record and its owner, in the caller's language. */
export function duplicateError(
  entity: DuplicateEntity,
  blocking: { field: string; match: DuplicateMatch }[],
): AppError {
  const first = blocking[0]!;
  const owner = (m: DuplicateMatch): string => m.ownerName ?? 'label.customerPool';
  const entityKey = ENTITY_KEY[entity];
  return new AppError('duplicate', 'error.duplicate', {
    params: { entity: entityKey, field: `field.${first.field}`, name: first.match.name, owner: owner(first.match) },
    fields: blocking.map(({ field, match }) => ({
      field,
      key: 'validation.duplicate' as const,
      params: { name: match.name, owner: owner(match) },
    })),
    details: { duplicates: mergeMatches(blocking.map((b) => b.match)) },
  });
}
