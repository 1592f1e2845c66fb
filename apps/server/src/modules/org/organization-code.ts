import { ORGANIZATION_CODE_PATTERN } from '@guanxi/contract';
import { pinyin } from 'pinyin-pro';
import type { Executor } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors/app-error.js';
import { withoutLegalSuffix } from '../../platform/organization-name.js';
import { organizationsRepository } from './organizations.repository.js';

const CODE = new RegExp(ORGANIZATION_CODE_PATTERN);
const HAN_OR_OTHER = /\p{Script=Han}+|[^\p{Script=Han}]+/gu;
const HAN = /^\p{Script=Han}/u;
/** Room for a `-NN` suffix when the base is taken. */
const BASE_MAX = 28;

/**
 * An organization code as stored: trimmed and in lower case (people type `ACME`); anything but
 * 2–32 lower-case letters, digits and hyphens answers 400 naming the field.
 */
export function normalizeOrganizationCode(code: string, field = 'code'): string {
  const normalized = code.trim().toLowerCase();
  if (!CODE.test(normalized)) throw invalidField(field, 'validation.organizationCode');
  return normalized;
}

/**
 * A readable code from the name, without its legal form: pinyin initials of Chinese
 * (示例科技有限公司 → `slkj`), Latin words in lower case joined by hyphens (Acme Trading Co., Ltd.
 * → `acme-trading`); `org` when nothing usable is left.
 */
export function organizationCodeBase(name: string): string {
  const parts = (withoutLegalSuffix(name).match(HAN_OR_OTHER) ?? []).map((run) =>
    HAN.test(run)
      ? pinyin(run, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase()
      : run
          .normalize('NFKC')
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-'),
  );
  const base = parts
    .join('-')
    .replace(/-+/g, '-')
    .slice(0, BASE_MAX)
    .replace(/^-+|-+$/g, '');
  return CODE.test(base) ? base : 'org';
}

/** True when an organization already signs in with this code (in any letter case). */
export async function isOrganizationCodeTaken(db: Executor, code: string): Promise<boolean> {
  return (await organizationsRepository.findCodesStartingWith(db, code)).includes(code.toLowerCase());
}

/** The base code from the name, or base-2, base-3 … whichever no organization uses yet. */
export async function deriveOrganizationCode(db: Executor, name: string): Promise<string> {
  const base = organizationCodeBase(name);
  const taken = new Set(await organizationsRepository.findCodesStartingWith(db, base));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
