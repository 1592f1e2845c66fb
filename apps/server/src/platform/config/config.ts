import path from 'node:path';
import { DEFAULT_EXPORT_INLINE_MAX_ROWS, DEFAULT_EXPORT_RATE_LIMIT_PER_MINUTE } from '@guanxi/contract';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { parseTrustProxy } from './trust-proxy.js';

const ConfigSchema = Type.Object({
  port: Type.Integer({ minimum: 0, maximum: 65535 }),
  host: Type.String({ minLength: 1 }),
  databaseUrl: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  dataDir: Type.String({ minLength: 1 }),
  logLevel: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  sessionIdleMinutes: Type.Integer({ minimum: 5 }),
  sessionAbsoluteHours: Type.Integer({ minimum: 1 }),
  /** Cookies are Secure on every response, not only on requests that came over TLS. */
  secureCookies: Type.Boolean(),
  /** Proxies whose X-Forwarded-For / -Proto are believed (TRUST_PROXY, see trust-proxy.ts). */
  trustProxy: Type.Union([Type.Boolean(), Type.Integer({ minimum: 1 }), Type.Array(Type.String())]),
  webDistDir: Type.String(),
  pgPoolSize: Type.Integer({ minimum: 1, maximum: 200 }),
  statementTimeoutMs: Type.Integer({ minimum: 100 }),
  /** A request not answered within this many ms gets 503 (REQUEST_TIMEOUT_MS); bounds a shutdown's wait too. */
  requestTimeoutMs: Type.Integer({ minimum: 1000 }),
  /** Searches per user and minute before 429 (security E); 0 = no limit. */
  searchRateLimitPerMinute: Type.Integer({ minimum: 0 }),
  /** Largest file one upload may carry (UPLOAD_MAX_MB, default 50): imports and attachments alike. */
  uploadMaxBytes: Type.Integer({ minimum: 1024 }),
  /** Days the daily PGlite backups under <dataDir>/backups are kept (BACKUP_KEEP_DAYS). */
  backupKeepDays: Type.Integer({ minimum: 1, maximum: 3650 }),
  /** List and report exports per user and minute before 429 (security E); 0 = no limit. */
  exportRateLimitPerMinute: Type.Integer({ minimum: 0 }),
  /** A list export with more rows than this runs as a background job with a download link (issue 12). */
  exportInlineMaxRows: Type.Integer({ minimum: 0 }),
  /** Days a background export's file can be downloaded before it is deleted. */
  exportFileDays: Type.Integer({ minimum: 1, maximum: 365 }),
});
export type Config = Static<typeof ConfigSchema>;

const repoRoot = path.resolve(import.meta.dirname, '../../../../..');

/**
 * The only reader of process.env (style rule 7). Fails listing every invalid variable.
 * `overrides` lets tests and the CLI build a config without touching the environment.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const problems: string[] = [];
  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
  if ('error' in trustProxy) problems.push(trustProxy.error);
  const raw = {
    port: env.PORT === undefined ? 3000 : Number(env.PORT),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.GUANXI_DATA_DIR ?? path.join(repoRoot, 'data')),
    // 'info' adds a line per request; the default keeps the console readable.
    logLevel: env.LOG_LEVEL ?? 'warn',
    sessionIdleMinutes: env.SESSION_IDLE_MINUTES === undefined ? 8 * 60 : Number(env.SESSION_IDLE_MINUTES),
    sessionAbsoluteHours: env.SESSION_ABSOLUTE_HOURS === undefined ? 7 * 24 : Number(env.SESSION_ABSOLUTE_HOURS),
    secureCookies: env.SECURE_COOKIES === 'true',
    trustProxy: 'value' in trustProxy ? trustProxy.value : false,
    webDistDir: path.join(repoRoot, 'apps/web/dist'),
    pgPoolSize: env.PG_POOL_SIZE === undefined ? 20 : Number(env.PG_POOL_SIZE),
    statementTimeoutMs: env.STATEMENT_TIMEOUT_MS === undefined ? 15000 : Number(env.STATEMENT_TIMEOUT_MS),
    requestTimeoutMs: env.REQUEST_TIMEOUT_MS === undefined ? 60000 : Number(env.REQUEST_TIMEOUT_MS),
    searchRateLimitPerMinute:
      env.SEARCH_RATE_LIMIT_PER_MINUTE === undefined ? 120 : Number(env.SEARCH_RATE_LIMIT_PER_MINUTE),
    uploadMaxBytes: Math.round((env.UPLOAD_MAX_MB === undefined ? 50 : Number(env.UPLOAD_MAX_MB)) * 1024 * 1024),
    backupKeepDays: env.BACKUP_KEEP_DAYS === undefined ? 7 : Number(env.BACKUP_KEEP_DAYS),
    exportRateLimitPerMinute:
      env.EXPORT_RATE_LIMIT_PER_MINUTE === undefined
        ? DEFAULT_EXPORT_RATE_LIMIT_PER_MINUTE
        : Number(env.EXPORT_RATE_LIMIT_PER_MINUTE),
    exportInlineMaxRows:
      env.EXPORT_INLINE_MAX_ROWS === undefined ? DEFAULT_EXPORT_INLINE_MAX_ROWS : Number(env.EXPORT_INLINE_MAX_ROWS),
    exportFileDays: env.EXPORT_FILE_DAYS === undefined ? 7 : Number(env.EXPORT_FILE_DAYS),
    ...overrides,
  };
  const errors = [...Value.Errors(ConfigSchema, raw)];
  if (errors.length > 0 || problems.length > 0) {
    const lines = [...problems.map((p) => `  ${p}`), ...errors.map((e) => `  ${e.instancePath || '/'}: ${e.message}`)];
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return raw as Config;
}

export const REPO_ROOT = repoRoot;
