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
 * Live customers whose names may be similar to any of a batch's names, in one statement: one GIN
 * lookup per distinct probe bigram of the batch (the caller passes only bigrams the statistics do
 * not call common) reads the customers holding it, and each name keeps those sharing one of its
 * own probes — a name containing the row's holds all its bigrams, so it is among them; customers
 * whose name the row's contains come through the name index. The lookups take no LIMIT: with one,
 * the planner, not knowing the bigram, prefers a sequential scan that hopes to stop early; one
 * array of all the batch's bigrams (`&&`) is planned as a sequential scan as well. The overlap rule
 * is then applied in SQL, as in `findCustomersByOverlap`, so only similar pairs come back. The
 * check spans the whole organization; `inScope` says what the caller may see.
 */
export async function findCustomersSimilarToNames(
  db: Executor,
  actor: ScopeActor,
  options: { names: readonly BatchNameInput[]; percent: number; containLimit: number },
): Promise<BatchNameCandidate[]> {
  if (options.names.length === 0) return [];
  const org = actor.orgId;
  const input = JSON.stringify(options.names);
  return queryRows<BatchNameCandidate>(
    db,
    sql`with input as materialized (
          select * from jsonb_to_recordset(${input}::jsonb) as r(i int, n text, g text[], p text[], s text[])
        ),
        probes as (
          select distinct input.i, probe.bigram from input cross join lateral unnest(input.p) as probe(bigram)
        ),
        sharing as (
          select distinct_probe.bigram, c.id
            from (select distinct bigram from probes) as distinct_probe
            cross join lateral (select x.id from customers x
                                 where x.org_id = ${org} and x.deleted_at is null
                                   and x.name_bigrams @> array[distinct_probe.bigram]) c
        ),
        found as (
          select probes.i, sharing.id from probes join sharing on sharing.bigram = probes.bigram
          union
          select input.i, c.id from input
            cross join lateral (select x.id from customers x
                                 where x.org_id = ${org} and x.deleted_at is null
                                   and x.name_normalized = any(input.s)
                                 limit ${options.containLimit}) c
        )
        select found.i as "index", stored.*
          from found
          join input on input.i = found.i
          -- Lateral with a limit (not pulled up into a join), so each candidate is read by its key.
          cross join lateral (
            select ${customers.id} as "id", ${customers.name} as "name",
                   ${customers.nameNormalized} as "nameNormalized", ${customers.nameBigrams} as "nameBigrams",
                   (${ownedRecordScope(actor, customers)}) as "inScope"
              from customers
             where ${customers.orgId} = ${org} and ${customers.id} = found.id
             limit 1
          ) stored
         where 200 * (select count(*) from unnest(stored."nameBigrams") as b where b = any(input.g))
                 >= ${options.percent} * (cardinality(input.g) + cardinality(stored."nameBigrams"))
            or (char_length(stored."nameNormalized") >= 2 and strpos(input.n, stored."nameNormalized") > 0)
            or (char_length(input.n) >= 2 and strpos(stored."nameNormalized", input.n) > 0)`,
  );
}
