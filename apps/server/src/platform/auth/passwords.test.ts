import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX, PASSWORD_MIN } from '@guanxi/contract';
import { AppError } from '../errors/app-error.js';
import { assertAcceptablePassword, hashPassword, verifyPassword } from './passwords.js';

/** The validation error a rejected password raises, or null when it is accepted. */
function rejection(password: string, field?: string): AppError | null {
  try {
    assertAcceptablePassword(password, field);
    return null;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

describe('password hashing (security C1)', () => {
  it('hashes with argon2id, at least 19 MiB of memory and two passes', async () => {
    const encoded = await hashPassword('a perfectly fine passphrase');
    const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/.exec(encoded);
    expect(match, encoded).not.toBeNull();
    expect(Number(match![1])).toBeGreaterThanOrEqual(19456);
    expect(Number(match![2])).toBeGreaterThanOrEqual(2);
  });

  it('salts every hash, so the same password hashes differently', async () => {
    expect(await hashPassword('same password twice')).not.toBe(await hashPassword('same password twice'));
  });

  it('verifies the right password and refuses a wrong one or a malformed hash', async () => {
    const encoded = await hashPassword('Zhang San likes tea');
    expect(await verifyPassword(encoded, 'Zhang San likes tea')).toBe(true);
    expect(await verifyPassword(encoded, 'zhang san likes tea')).toBe(false);
    expect(await verifyPassword(encoded, '')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'Zhang San likes tea')).toBe(false);
  });
});

describe('password rules (security C1)', () => {
  it('accepts 8 to 128 characters without composition rules', () => {
    expect(PASSWORD_MIN).toBe(8);
    expect(PASSWORD_MAX).toBe(128);
    expect(rejection('qzvbnmtr')).toBeNull(); // lower case letters only
    expect(rejection('我的密码很长很安全')).toBeNull(); // no ASCII at all
    expect(rejection('x'.repeat(128))).toBeNull();
  });

  it('rejects 7 characters and 129 characters, naming the field', () => {
    const short = rejection('qzvbnmt', 'newPassword');
    expect(short?.status).toBe(400);
    expect(short?.options.fields).toEqual([{ field: 'newPassword', key: 'validation.minLength', params: { limit: 8 } }]);
    const long = rejection('x'.repeat(129));
    expect(long?.options.fields?.[0]).toMatchObject({ field: 'password', key: 'validation.maxLength' });
  });

  it('rejects common passwords whatever their case', () => {
    for (const common of ['12345678', 'password', 'Password1', 'QWERTYUIOP', 'woaini1314', '88888888']) {
      const error = rejection(common, 'newPassword');
      expect(error, common).not.toBeNull();
      expect(error!.key).toBe('error.commonPassword');
      expect(error!.options.fields?.[0]?.field).toBe('newPassword');
    }
  });

  it('a 128-character password still hashes and verifies', async () => {
    const long = '长'.repeat(64) + 'y'.repeat(64);
    expect(await verifyPassword(await hashPassword(long), long)).toBe(true);
  });
});
