/**
 * What a failed database call means for the caller: the database is not there (`unavailable`),
 * it did not answer in time (`timeout`), it gave up on this transaction because another one
 * changed the same rows at the same moment (`contention`: a deadlock or serialization failure,
 * which succeeds when tried again), or something else went wrong (null: a bug or a broken rule,
 * answered 500).
 */
export type DatabaseFailure = 'unavailable' | 'timeout' | 'contention';

/** SQLSTATE classes: 08 connection exception, 53 insufficient resources (53300 too many connections). */
const UNAVAILABLE_CLASSES = ['08', '53'];
const UNAVAILABLE_STATES = new Set([
  '57P01', // admin_shutdown: pg_terminate_backend, a fast shutdown
  '57P02', // crash_shutdown: another backend crashed and the server restarts
  '57P03', // cannot_connect_now: starting up, in recovery, shutting down
  '57P05', // idle_session_timeout
  '25P03', // idle_in_transaction_session_timeout: the server closed the session
]);
const TIMEOUT_STATES = new Set([
  '57014', // query_canceled: the statement timeout
  '55P03', // lock_not_available: a lock timeout
]);
const CONTENTION_STATES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
]);
/** Node's socket and name-resolution failures. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
]);
/** node-postgres and pg-pool report a lost or unobtainable connection by message only. */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/, // unexpectedly | due to connection timeout
  /^timeout exceeded when trying to connect/,
  /is not queryable$/, // a client whose connection broke earlier in the transaction
  /^Cannot use a pool after calling end on the pool/,
];

function classifyOne(error: { code?: unknown; message?: unknown }): DatabaseFailure | null {
  const code = typeof error.code === 'string' ? error.code : '';
  if (UNAVAILABLE_STATES.has(code) || NETWORK_CODES.has(code)) return 'unavailable';
  if (code.length === 5 && UNAVAILABLE_CLASSES.includes(code.slice(0, 2))) return 'unavailable';
  if (TIMEOUT_STATES.has(code)) return 'timeout';
  if (CONTENTION_STATES.has(code)) return 'contention';
  const message = typeof error.message === 'string' ? error.message : '';
  if (UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return 'unavailable';
  return null;
}

/** The error itself, its `cause` chain and the members of an AggregateError, each once. */
function* chainOf(error: unknown): Generator<{ code?: unknown; message?: unknown }> {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0 && seen.size < 20) {
    const current = pending.shift();
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    yield current as { code?: unknown; message?: unknown };
    const { cause, errors } = current as { cause?: unknown; errors?: unknown };
    pending.push(cause);
    if (Array.isArray(errors)) pending.push(...(errors as unknown[]));
  }
}

/**
 * Classifies a failure by the driver's error, wherever it sits: drizzle wraps it as the `cause`
 * of a "Failed query" error, a failed rollback replaces the original failure, and a refused
 * connection to a host with several addresses arrives as an AggregateError.
 */
export function classifyDatabaseFailure(error: unknown): DatabaseFailure | null {
  let found: DatabaseFailure | null = null;
  for (const link of chainOf(error)) {
    const failure = classifyOne(link);
    if (failure === 'unavailable') return failure;
    found ??= failure;
  }
  return found;
}

/**
 * A failure in words for logs and the command line — for a database failure the driver's own
 * words, never drizzle's wrapper, whose message carries the SQL and its parameters (password
 * hashes, personal data), nor the server's `detail` ("Failing row contains …" lists the row).
 */
export function describeDatabaseFailure(error: unknown): string {
  let innermost: { code?: unknown; message?: unknown } | null = null;
  for (const link of chainOf(error)) {
    if (typeof link.message === 'string' && link.message.startsWith('Failed query')) continue;
    innermost = link;
  }
  if (typeof error !== 'object' || error === null) return String(error);
  const message =
    typeof innermost?.message === 'string' && innermost.message ? innermost.message : 'database query failed';
  const code = typeof innermost?.code === 'string' ? innermost.code : null;
  return code && !message.includes(code) ? `${message} (${code})` : message;
}
