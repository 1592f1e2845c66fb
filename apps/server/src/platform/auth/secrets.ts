import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe (security C3 asks for ≥ 128). */
export const newSecret = (prefix = ''): string => prefix + randomBytes(32).toString('base64url');

/** Sessions and API tokens are stored only as hashes; a database leak reveals no usable secret. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');
