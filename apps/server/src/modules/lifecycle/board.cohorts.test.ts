import type { LifecycleBoard, Stage } from '@guanxi/contract';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, startOfLocalDay } from '../../platform/time/index.js';
import type { Client } from '../../test/test-app.js';
import { usePersonas } from '../../test/file-context.js';
import { applyStageMove } from './stage-moves.js';
import { transitionsRepository } from './transitions.repository.js';

const { ctx, p } = usePersonas({ customersEach: 0 });
/** A local midnight (org zone) 30 days ago: the moves below happen at noon of the days after it. */
let base: Date;
const day = (n: number) => new Date(base.getTime() + n * DAY_MS + DAY_MS / 2);

async function createCustomer(client: Client, name: string): Promise<string> {
  const response = await client.post('/api/v1/customers', { kind: 'company', name });
  expect(response.statusCode).toBe(201);
  const id = (response.json() as { id: string }).id;
  await ctx.database.db.execute(
    sql`update stage_transitions set at = ${day(0).toISOString()}::timestamptz where org_id = ${client.user.orgId} and customer_id = ${id}`,
  );
  return id;
}

/** Moves a customer through `stages`, one a day from day 1, by the one write path of every move. */
async function walk(id: string, stages: Stage[]): Promise<void> {
  for (const [i, to] of stages.entries()) {
    await ctx.database.db.transaction(async (tx) => {
      const customer = (await transitionsRepository.lockCustomer(tx, { orgId: p.orgId, id }))!;
      await applyStageMove(tx, {
        customer,
        to,
        at: day(i + 1),
        actorId: null,
        ruleId: null,
        reason: 'test',
        approverId: null,
        triggeringEvent: null,
        triggeringEntityId: null,
        requestId: null,
        audit: { orgId: p.orgId, userId: null, ip: null, requestId: null },
      });
    });
  }
}

const board = async (): Promise<LifecycleBoard> => {
  const query = `?from=${base.toISOString()}&to=${new Date(base.getTime() + 20 * DAY_MS).toISOString()}`;
  const response = await p.clients.admin.get(`/api/v1/lifecycle/board${query}`);
  expect(response.statusCode).toBe(200);
  return response.json();
};

beforeAll(async () => {
  base = startOfLocalDay(new Date(Date.now() - 30 * DAY_MS), 'Asia/Shanghai');
  // x buys, is moved back to interested, buys again, repeats and is lost; y is lost from interested.
  const x = await createCustomer(p.clients.r1, '甲贸易有限公司');
  const y = await createCustomer(p.clients.r1, '乙贸易有限公司');
  await walk(x, ['interested', 'first_purchase', 'interested', 'first_purchase', 'repeat', 'lost']);
  await walk(y, ['interested', 'lost']);
});

describe('lifecycle board conversion as a cohort rate', () => {
  it('counts a customer who entered a stage twice once, so conversion never passes 100 %', async () => {
    const body = await board();
    // Moves in count every entry: x entered interested and first-time buyer twice.
    expect(body.stages.find((s) => s.stage === 'interested')?.entered).toBe(3);
    expect(body.stages.find((s) => s.stage === 'first_purchase')?.entered).toBe(2);
    expect(body.conversions).toEqual([
      { stage: 'prospect', entered: 2, converted: 2, rate: 1 },
      // y went from interested to lost: entering "lost" is no conversion.
      { stage: 'interested', entered: 2, converted: 1, rate: 0.5 },
      // Two moves on from first-time buyer by one customer: 1 of 1, not 200 %.
      { stage: 'first_purchase', entered: 1, converted: 1, rate: 1 },
    ]);
    for (const row of body.conversions) expect(row.converted).toBeLessThanOrEqual(row.entered);
  });

  it('lists backward moves and moves into "lost" separately, per pair', async () => {
    const body = await board();
    const sorted = [...body.backwardMoves].sort((a, b) => `${a.from}${a.to}`.localeCompare(`${b.from}${b.to}`));
    expect(sorted).toEqual([
      { from: 'first_purchase', to: 'interested', count: 1 },
      { from: 'interested', to: 'lost', count: 1 },
      { from: 'repeat', to: 'lost', count: 1 },
    ]);
  });
});
