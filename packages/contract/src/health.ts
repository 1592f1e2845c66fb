import { Type, type Static } from 'typebox';
import { Nullable } from './common.js';

const Engine = Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]);

/**
 * `GET /api/v1/health`: is the server up, and can it reach its database? 200 with `ok`, or 503
 * with `degraded` while the database does not answer (the process itself is alive either way).
 */
export const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  db: Engine,
  version: Type.String(),
  database: Type.Object({
    /** Answered a trivial query within the check's time bound (2 s). */
    reachable: Type.Boolean(),
    /** Round trip of that query; null when it did not answer. */
    latencyMs: Nullable(Type.Integer({ minimum: 0 })),
  }),
});
export type Health = Static<typeof Health>;

/**
 * `GET /api/v1/health/ready`: may a load balancer send traffic here? 200 when every check holds,
 * 503 otherwise, with the same body. A server that is shutting down answers every request 503.
 */
export const Readiness = Type.Object({
  ready: Type.Boolean(),
  checks: Type.Object({
    /** The database answered within the check's time bound. */
    database: Type.Boolean(),
    /** Every migration this release ships is applied. */
    migrations: Type.Boolean(),
  }),
});
export type Readiness = Static<typeof Readiness>;
