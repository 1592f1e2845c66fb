import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX, PASSWORD_MIN } from '@guanxi/contract';
import { AppError } from '../errors/app-error.js';
import { assertAcceptablePassword, hashPassword, verifyPassword, type PasswordContext } from './passwords.js';

/** The validation error a rejected password raises, or null when it is accepted. */
function rejection(password: string, context?: string | PasswordContext): AppError | null {
  try {
    assertAcceptablePassword(password, typeof context === 'string' ? { field: context } : context);
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
    expect(short?.options.fields).toEqual([
      { field: 'newPassword', key: 'validation.minLength', params: { limit: 8 } },
    ]);
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

describe('passwords that name their owner (issue 10, defect 12)', () => {
  const demo: PasswordContext = { username: 'admin', organization: { name: '示例科技有限公司', code: 'demo' } };
  const nameInRejection = (password: string, context: PasswordContext = demo) => {
    const error = rejection(password, context);
    return error?.options.fields?.[0]?.key === 'validation.passwordContainsName'
      ? error.options.fields[0].params?.word
      : null;
  };

  it("rejects the product's name in any case, the demo password among them", () => {
    expect(nameInRejection('guanxi-demo', {})).toBe('guanxi');
    expect(nameInRejection('My GuanXi password', {})).toBe('guanxi');
    expect(nameInRejection('我们的关系很好啊', {})).toBe('关系');
  });

  it('rejects the organization name, also without its legal form, and the organization code', () => {
    expect(nameInRejection('示例科技有限公司2024')).toBe('示例科技有限公司');
    expect(nameInRejection('示例科技2024年度')).toBe('示例科技');
    expect(nameInRejection('Demo-summer-2024')).toBe('demo');
    expect(nameInRejection('summer tea 2024', { organization: { name: 'Summer Tea Co., Ltd.', code: 'sunny' } })).toBe(
      'summertea',
    );
  });

  it('rejects the username whatever its case, width or spacing', () => {
    expect(nameInRejection('ADMIN-is-me-2024')).toBe('admin');
    expect(nameInRejection('ｌｉ．ｌｅｉ rocks here', { username: 'li.lei' })).toBe('li.lei');
  });

  it('names the field the caller gave, as a 400', () => {
    const error = rejection('admin-admin-admin', { ...demo, field: 'newPassword' });
    expect(error?.status).toBe(400);
    expect(error?.options.fields).toEqual([
      { field: 'newPassword', key: 'validation.passwordContainsName', params: { word: 'admin' } },
    ]);
  });

  it('rejects a password of spaces only, full-width spaces too', () => {
    for (const blank of [' '.repeat(8), '\u3000'.repeat(10), ' \t '.repeat(4)]) {
      expect(rejection(blank)?.options.fields).toEqual([{ field: 'password', key: 'validation.passwordBlank' }]);
    }
  });

  it('accepts passwords that merely share letters with short names, and unrelated passwords', () => {
    expect(rejection('lily-garden-2024', { username: 'li', organization: { name: 'Li', code: 'li' } })).toBeNull();
    expect(rejection('blue-lantern-orchard', demo)).toBeNull();
    expect(rejection('  spaces around are fine  ', demo)).toBeNull();
  });
});
