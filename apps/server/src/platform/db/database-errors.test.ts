import { DrizzleQueryError } from 'drizzle-orm/errors';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { classifyDatabaseFailure, describeDatabaseFailure } from './database-errors.js';

/** A server error as node-postgres reports it: the SQLSTATE in `code`. */
function serverError(code: string, message: string): Error {
  const error = new pg.DatabaseError(message, 0, 'error');
  error.code = code;
  return error;
}
const nodeError = (code: string, message = `connect ${code} 127.0.0.1:5432`) =>
  Object.assign(new Error(message), { code });
/** What repositories see: drizzle's wrapper with the SQL and parameters, the driver's error as `cause`. */
const wrapped = (cause: unknown) =>
  new DrizzleQueryError('insert into users (password_hash) values ($1)', ['$argon2id$secret'], cause as Error);

describe('classifying database failures through the cause chain', () => {
  it.each([
    ['a terminated backend (57P01)', serverError('57P01', 'terminating connection due to administrator command')],
    [
      'a crashed server (57P02)',
      serverError('57P02', 'terminating connection because of crash of another server process'),
    ],
    ['a server starting up (57P03)', serverError('57P03', 'the database system is starting up')],
    ['too many connections (53300)', serverError('53300', 'sorry, too many clients already')],
    ['a connection exception (08006)', serverError('08006', 'connection failure')],
    [
      'the idle-in-transaction timeout (25P03)',
      serverError('25P03', 'terminating connection due to idle-in-transaction timeout'),
    ],
    ['a refused connection', nodeError('ECONNREFUSED')],
    ['a reset connection', nodeError('ECONNRESET', 'read ECONNRESET')],
    ['a timed-out connection', nodeError('ETIMEDOUT')],
    ['a broken pipe', nodeError('EPIPE', 'write EPIPE')],
    ['an unknown host', nodeError('ENOTFOUND', 'getaddrinfo ENOTFOUND db.invalid')],
    ['a connection lost mid-query', new Error('Connection terminated unexpectedly')],
    ["pg-pool's connect timeout", new Error('timeout exceeded when trying to connect')],
    [
      'a client broken earlier in the transaction',
      new Error('Client has encountered a connection error and is not queryable'),
    ],
  ])('%s is unavailable, bare or wrapped by drizzle', (_name, error) => {
    expect(classifyDatabaseFailure(error)).toBe('unavailable');
    expect(classifyDatabaseFailure(wrapped(error))).toBe('unavailable');
  });

  it('a refused connection to every address of a host (an AggregateError) is unavailable', () => {
    const aggregate = Object.assign(
      new AggregateError([nodeError('ECONNREFUSED'), nodeError('ECONNREFUSED', 'connect ECONNREFUSED ::1:5432')], ''),
      {},
    );
    expect(classifyDatabaseFailure(wrapped(aggregate))).toBe('unavailable');
  });

  it('a deadlock or serialization failure is contention: the request may simply be sent again', () => {
    expect(classifyDatabaseFailure(wrapped(serverError('40P01', 'deadlock detected')))).toBe('contention');
    expect(
      classifyDatabaseFailure(wrapped(serverError('40001', 'could not serialize access due to concurrent update'))),
    ).toBe('contention');
  });

  it('a statement or lock timeout is a timeout, not an outage', () => {
    expect(classifyDatabaseFailure(wrapped(serverError('57014', 'canceling statement due to statement timeout')))).toBe(
      'timeout',
    );
    expect(classifyDatabaseFailure(wrapped(serverError('55P03', 'canceling statement due to lock timeout')))).toBe(
      'timeout',
    );
  });

  it('a failed query that is not about the connection stays unclassified (a 500, logged)', () => {
    expect(
      classifyDatabaseFailure(
        wrapped(serverError('23505', 'duplicate key value violates unique constraint "users_pkey"')),
      ),
    ).toBeNull();
    expect(classifyDatabaseFailure(wrapped(serverError('42P01', 'relation "nope" does not exist')))).toBeNull();
    expect(classifyDatabaseFailure(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBeNull();
    // The wrapper's own text names the SQL; it must not decide anything.
    expect(
      classifyDatabaseFailure(new DrizzleQueryError('select 1 -- Connection terminated', [], new Error('boom'))),
    ).toBeNull();
  });

  it('a cause chain that points at itself ends', () => {
    const looping = new Error('outer') as Error & { cause?: unknown };
    looping.cause = looping;
    expect(classifyDatabaseFailure(looping)).toBeNull();
  });

  it("the description is the driver's words, never the SQL or its parameters", () => {
    const text = describeDatabaseFailure(
      wrapped(serverError('23505', 'duplicate key value violates unique constraint "users_pkey"')),
    );
    expect(text).toBe('duplicate key value violates unique constraint "users_pkey" (23505)');
    expect(describeDatabaseFailure(wrapped(nodeError('ECONNREFUSED')))).toBe('connect ECONNREFUSED 127.0.0.1:5432');
    expect(
      describeDatabaseFailure(
        new DrizzleQueryError('insert into users values ($1)', ['$argon2id$x'], undefined as unknown as Error),
      ),
    ).not.toMatch(/insert|argon/);
  });
});
