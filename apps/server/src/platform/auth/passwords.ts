import { hash, verify } from '@node-rs/argon2';
import { PASSWORD_MAX, PASSWORD_MIN } from '@guanxi/contract';
import { AppError } from '../errors/app-error.js';
import { withoutLegalSuffix } from '../organization-name.js';
import { COMMON_PASSWORDS } from './common-passwords.js';

// security C1: argon2id, memory ≥ 19 MiB, t ≥ 2.
// 2 is Algorithm.Argon2id; the package exports it as a const enum, which isolated modules cannot read.
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Who the password is for: words from here are too easy to guess to appear in it. */
export interface PasswordContext {
  /** The field to name in the error: `password`, or `newPassword` when the user changes their own. */
  field?: string;
  username?: string;
  organization?: { name: string; code: string };
}

/** The product's own names: the first guesses against any installation of it. */
const PRODUCT_NAMES = ['guanxi', '关系'];
const HAN = /\p{Script=Han}/u;

/** Case, width and spacing do not make a name harder to guess: `Guanxi Demo` holds `guanxi`. */
const folded = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');

/**
 * The names a password must not contain. Latin names shorter than 3 characters (a 2-letter login
 * or code) are skipped, or they would forbid half the dictionary; two Han characters are a word.
 */
function guessableWords({ username, organization }: PasswordContext): string[] {
  // The name without its legal form too, so 示例科技2024 is caught as well as 示例科技有限公司2024.
  const names = [
    username,
    organization?.code,
    organization?.name,
    organization && withoutLegalSuffix(organization.name),
  ];
  const words = names
    .filter((name): name is string => Boolean(name))
    .map(folded)
    .filter((word) => word.length >= 3 || (word.length === 2 && HAN.test(word)));
  return [...new Set([...PRODUCT_NAMES, ...words])];
}

/**
 * Length limits, a common-password list, no spaces-only passwords and none containing the
 * username, the organization's name or code or the product name (case-insensitively); no
 * composition rules (security C1).
 */
export function assertAcceptablePassword(password: string, context: PasswordContext = {}): void {
  const field = context.field ?? 'password';
  if (password.length < PASSWORD_MIN) {
    throw new AppError('validation', 'error.validation', {
      fields: [{ field, key: 'validation.minLength', params: { limit: PASSWORD_MIN } }],
    });
  }
  if (password.length > PASSWORD_MAX) {
    throw new AppError('validation', 'error.validation', {
      fields: [{ field, key: 'validation.maxLength', params: { limit: PASSWORD_MAX } }],
    });
  }
  if (password.trim() === '') {
    throw new AppError('validation', 'error.validation', { fields: [{ field, key: 'validation.passwordBlank' }] });
  }
  if (COMMON_PASSWORDS.has(password.toLowerCase())) {
    throw new AppError('validation', 'error.commonPassword', { fields: [{ field, key: 'validation.invalid' }] });
  }
  const candidate = folded(password);
  const word = guessableWords(context).find((w) => candidate.includes(w));
  if (word !== undefined) {
    throw new AppError('validation', 'error.validation', {
      fields: [{ field, key: 'validation.passwordContainsName', params: { word } }],
    });
  }
}

/** A hash to verify against when the user does not exist, so both failures cost the same. */
let dummyHash: Promise<string> | null = null;
export const timingDummyHash = (): Promise<string> => (dummyHash ??= hashPassword('not-a-real-password-guanxi'));
