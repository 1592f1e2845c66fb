import type { DuplicatePolicy } from '@guanxi/contract';
import { createEventBus } from '../../platform/events/index.js';
import { registerMessageCatalogs } from '../../platform/i18n/index.js';
import { actorOfClient } from '../../test/actors.js';
import type { Client, TestContext } from '../../test/test-app.js';
import { subscribeLifecycleRules } from '../lifecycle/index.js';
import type { ImportKind, ImportRowResult, ImportValue } from './import-kind.js';

/**
 * Runs a kind's `importBatch` as the engine does — one transaction per batch, a file memory per
 * phase — on rows given as already converted values, so a kind's rules are tested without a file.
 */
export function kindRunner(ctx: TestContext, client: () => Client) {
  return async function run(
    kind: ImportKind,
    rows: Record<string, ImportValue | undefined>[],
    options: { mode?: 'check' | 'run'; policy?: DuplicatePolicy; batchSize?: number } = {},
  ): Promise<ImportRowResult[]> {
    // The imports module registers the kinds' catalogs in the app; a kind run alone registers its own.
    if (kind.messages) registerMessageCatalogs([kind.messages]);
    const actor = await actorOfClient(ctx, client());
    const events = createEventBus();
    subscribeLifecycleRules(events);
    const fileMemory = new Map<string, string>();
    const converted = rows.map((values, i) => ({
      rowNumber: i + 2,
      values: Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Record<
        string,
        ImportValue
      >,
      ownerId: null,
    }));
    const size = options.batchSize ?? 500;
    const results: ImportRowResult[] = [];
    // As the engine batches: by count, never splitting a group (an order's lines).
    const batches: (typeof converted)[] = [];
    for (const row of converted) {
      const last = batches.at(-1);
      const previous = last?.at(-1);
      const key = kind.groupKey?.(row) ?? null;
      const sameGroup = previous !== undefined && key !== null && kind.groupKey?.(previous) === key;
      if (!last || (last.length >= size && !sameGroup)) batches.push([row]);
      else last.push(row);
    }
    for (const batch of batches) {
      results.push(
        ...(await ctx.database.db.transaction((tx) =>
          kind.importBatch(
            {
              tx,
              actor,
              orgId: actor.orgId,
              importId: 'test',
              mode: options.mode ?? 'run',
              duplicatePolicy: options.policy ?? 'skip',
              mappedFields: new Set(Object.keys(rows[0] ?? {})),
              locale: 'zh-CN',
              events,
              fileMemory,
              now: new Date(),
            },
            batch,
          ),
        )),
      );
    }
    return results;
  };
}

export const outcomes = (results: readonly ImportRowResult[]) => results.map((r) => r.outcome);
export const errorsOf = (result: ImportRowResult | undefined) =>
  result?.outcome === 'error' ? result.errors.map((e) => `${e.field ?? '-'}:${e.code}`) : [];
