import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/query.js';
import { customers } from '../../platform/db/schema/index.js';
import { ownedRecordScope, type ScopeActor } from '../../platform/scope/data-scope.js';

/** One name of a batch to look up: its normalized form, bigrams, probe bigrams and substrings. */
export interface BatchNameInput {
  /** Position in the batch, echoed in the answer. */
  i: number;
  /** The normalized name. */
  n: string;
  /** Its distinct bigrams. */
  g: string[];
  /** The bigrams to probe the GIN index with (see `overlapPlan`). */
  p: string[];
  /** Its substrings of two or more characters (names it contains). */
  s: string[];
}

/** A stored customer whose name may be similar to the batch name at `index`. */
export interface BatchNameCandidate {
  index: number;
  id: string;
  name: string;
  nameNormalized: string;
  nameBigrams: string[];
  inScope: boolean;
}

/**
 * Live customers whose names may be similar to any of a batch's names, in one statement: per name,
 * the GIN index is probed with a few of its bigrams (each cut at `probeLimit` rows), customers
 * whose name contains it are found through all its bigrams, and customers whose name it contains
 * through the name index. The overlap rule is then applied in SQL, as in `findCustomersByOverlap`,
 * so only similar pairs come back. The check spans the whole organization; `inScope` says what the
 * caller may see.
 */
export async function findCustomersSimilarToNames(
  db: Executor,
  actor: ScopeActor,
  options: { names: readonly BatchNameInput[]; percent: number; probeLimit: number; containLimit: number },
): Promise<BatchNameCandidate[]> {
  if (options.names.length === 0) return [];
  const org = actor.orgId;
  const input = JSON.stringify(options.names);
  return queryRows<BatchNameCandidate>(
    db,
    sql`with input as (
          select * from jsonb_to_recordset(${input}::jsonb) as r(i int, n text, g text[], p text[], s text[])
        ),
        found as (
          select input.i, c.id from input
            cross join lateral unnest(input.p) as probe(bigram)
            cross join lateral (select x.id from customers x
                                 where x.org_id = ${org} and x.deleted_at is null
                                   and x.name_bigrams @> array[probe.bigram]
                                 limit ${options.probeLimit}) c
          union
          select input.i, c.id from input
            cross join lateral (select x.id from customers x
                                 where x.org_id = ${org} and x.deleted_at is null
                                   and cardinality(input.g) > 0 and char_length(input.n) >= 2
                                   and x.name_bigrams @> input.g and strpos(x.name_normalized, input.n) > 0
                                 limit ${options.containLimit}) c
          union
          select input.i, c.id from input
            cross join lateral (select x.id from customers x
                                 where x.org_id = ${org} and x.deleted_at is null
                                   and x.name_normalized = any(input.s)
                                 limit ${options.containLimit}) c
        )
        select found.i as "index", ${customers.id} as "id", ${customers.name} as "name",
               ${customers.nameNormalized} as "nameNormalized", ${customers.nameBigrams} as "nameBigrams",
               (${ownedRecordScope(actor, customers)}) as "inScope"
          from found
          join input on input.i = found.i
          join customers on ${customers.orgId} = ${org} and ${customers.id} = found.id
         where 200 * (select count(*) from unnest(${customers.nameBigrams}) as b where b = any(input.g))
                 >= ${options.percent} * (cardinality(input.g) + cardinality(${customers.nameBigrams}))
            or (char_length(${customers.nameNormalized}) >= 2 and strpos(input.n, ${customers.nameNormalized}) > 0)
            or (char_length(input.n) >= 2 and strpos(${customers.nameNormalized}, input.n) > 0)`,
  );
}
