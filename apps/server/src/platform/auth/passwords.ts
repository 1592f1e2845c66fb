import { hash, verify } from '@node-rs/argon2';
import { PASSWORD_MAX, PASSWORD_MIN } from '@guanxi/contract';
import { AppError } from '../errors/app-error.js';
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

/** Length limits and a common-password list; no composition rules (security C1). */
export function assertAcceptablePassword(password: string, field = 'password'): void {
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
  if (COMMON_PASSWORDS.has(password.toLowerCase())) {
    throw new AppError('validation', 'error.commonPassword', { fields: [{ field, key: 'validation.invalid' }] });
  }
}

/** A hash to verify against when the user does not exist, so both failures cost the same. */
let dummyHash: Promise<string> | null = null;
export const timingDummyHash = (): Promise<string> => (dummyHash ??= hashPassword('not-a-real-password-guanxi'));
