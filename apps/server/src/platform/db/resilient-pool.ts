import pg from 'pg';

type ConnectCallback = (
  err: Error | undefined,
  client: pg.PoolClient | undefined,
  done: (release?: unknown) => void,
) => void;

/**
 * Gives a checked-out client back to the pool the moment its connection breaks, once.
 *
 * drizzle's node-postgres transaction checks a client out, sends BEGIN and only then enters the
 * try/finally that releases it: when the connection is cut between checkout and BEGIN (a
 * terminated backend, a failover) the client is never released, and each such cut costs the pool
 * one connection for good until nothing is left. A client whose connection broke cannot be used
 * again (node-postgres marks it unqueryable), so releasing it with the error at once is always
 * right: the pool closes it and opens a new connection for the next caller. Later calls to
 * `release` — drizzle's `finally`, pool.query's own error path — do nothing.
 */
function releaseOnBreak(client: pg.PoolClient): pg.PoolClient {
  const release = client.release.bind(client);
  let released = false;
  const releaseOnce = (error?: Error | boolean) => {
    if (released) return;
    released = true;
    client.removeListener('error', onBreak);
    release(error);
  };
  const onBreak = (error: Error) => releaseOnce(error);
  client.once('error', onBreak);
  client.release = releaseOnce;
  return client;
}

/** A pg.Pool whose clients cannot leak when their connection breaks while checked out. */
export class ResilientPool extends pg.Pool {
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    if (!callback) return super.connect().then(releaseOnBreak);
    super.connect((error, client, done) => {
      if (!client) return callback(error, client, done);
      releaseOnBreak(client);
      callback(error, client, (release) => client.release(release as Error | boolean | undefined));
    });
  }
}
