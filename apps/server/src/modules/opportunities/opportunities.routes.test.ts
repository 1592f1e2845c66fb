import { describe, expect, it } from 'vitest';
import type { Client } from '../../test/test-app.js';
import { usePersonas } from '../../test/file-context.js';
import { createSalesProcess, lossReasonId } from './opportunities.fixtures.js';

const { p } = usePersonas({ customersEach: 2 });

interface Stage {
  id: string;
  name: string;
  probability: number;
}
const defaultStages = async (client: Client): Promise<Stage[]> => {
  const response = await client.get('/api/v1/sales-processes');
  expect(response.statusCode).toBe(200);
  const process = response.json().items.find((x: { departmentId: string | null }) => x.departmentId === null);
  return process.stages;
};
let n = 0;
async function open(client: Client, customerId: string, body: Record<string, unknown> = {}) {
  const response = await client.post('/api/v1/opportunities', {
    customerId,
    name: `项目${n++}`,
    amountFen: 10_000_000,
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('opportunities: validation', () => {
  it('rejects a negative, fractional or decimal-string amount, naming the field, and writes nothing', async () => {
    const customerId = p.customers.r1[0]!;
    // Yuan strings ("10000.50") and fractions of a fen are not amounts any more: whole fen only.
    for (const amountFen of [-1, 1.5, '10000.50']) {
      const response = await p.clients.r1.post('/api/v1/opportunities', { customerId, name: '负数', amountFen });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toEqual([
        { field: 'amountFen', message: '金额必须是 0 到 99999999999999 之间的整数（单位：分）' },
      ]);
    }
    await p.clients.r1.patch('/api/v1/auth/me', { locale: 'en' });
    const english = await p.clients.r1.post('/api/v1/opportunities', { customerId, name: '负数', amountFen: -1 });
    await p.clients.r1.patch('/api/v1/auth/me', { locale: 'zh-CN' });
    expect(english.json().error.fields[0].message).toMatch(/^Amount must be a whole number of fen/);
    const currency = await p.clients.r1.post('/api/v1/opportunities', {
      customerId,
      name: '负数',
      amountFen: 100,
      currency: 'rmb',
    });
    expect(currency.statusCode).toBe(400);
    expect(currency.json().error.fields).toEqual([expect.objectContaining({ field: 'currency' })]);
    const list = await p.clients.r1.get(
      `/api/v1/opportunities?customerId=${customerId}&q=${encodeURIComponent('负数')}`,
    );
    expect(list.json().items).toHaveLength(0);
  });

  it('keeps amounts as whole fen with a currency, CNY unless given', async () => {
    const opportunity = await open(p.clients.r1, p.customers.r1[0]!, { amountFen: 1_000_050 });
    expect(opportunity).toMatchObject({ amountFen: 1_000_050, currency: 'CNY' });
    const edited = await p.clients.r1.patch(`/api/v1/opportunities/${opportunity.id}`, {
      amountFen: 99_999_999_999_999,
      currency: 'USD',
      version: opportunity.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ amountFen: 99_999_999_999_999, currency: 'USD' });
    const tooMuch = await p.clients.r1.patch(`/api/v1/opportunities/${opportunity.id}`, {
      amountFen: 100_000_000_000_000,
      version: edited.json().version,
    });
    expect(tooMuch.json().error.fields).toEqual([expect.objectContaining({ field: 'amountFen' })]);
    await p.clients.r1.delete(`/api/v1/opportunities/${opportunity.id}`);
  });

  it('needs a reason to invalidate, a loss reason to lose, and takes an optional comment to win', async () => {
    const opportunity = await open(p.clients.r1, p.customers.r1[0]!);
    const missing = await p.clients.r1.post(`/api/v1/opportunities/${opportunity.id}/invalid`, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields[0].field).toBe('reason');
    const blank = await p.clients.r1.post(`/api/v1/opportunities/${opportunity.id}/invalid`, { reason: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.fields[0].field).toBe('reason');
    const noReason = await p.clients.r1.post(`/api/v1/opportunities/${opportunity.id}/lost`, { note: '价格太高' });
    expect(noReason.json().error.fields[0].field).toBe('lossReasonId');
    const lost = await p.clients.r1.post(`/api/v1/opportunities/${opportunity.id}/lost`, {
      lossReasonId: await lossReasonId(p.clients.r1),
      note: ' 报价高出 20% ',
    });
    expect(lost.json()).toMatchObject({ status: 'lost', closeReason: '报价高出 20%', lossReasonName: '价格太高' });
    expect(lost.json().closedAt).not.toBeNull();
    const again = await p.clients.r1.post(`/api/v1/opportunities/${opportunity.id}/won`, {});
    expect(again.statusCode).toBe(422);
  });

  it('refuses a stage of another process', async () => {
    const eastProcess = await createSalesProcess(p.clients.admin, {
      name: '华东项目流程',
      departmentId: p.departments.east,
      stages: [
        { name: '立项', probability: 20 },
        { name: '投标', probability: 50 },
      ],
    });
    // r1 is in Sales-East: a new opportunity runs in the department's process.
    const opportunity = await open(p.clients.r1, p.customers.r1[0]!);
    expect(opportunity.processId).toBe(eastProcess.id);
    expect(opportunity.stageId).toBe(eastProcess.stages[0].id);
    const otherStage = (await defaultStages(p.clients.r1))[1]!;
    const move = await p.clients.r1.post(`/api/v1/opportunities/${opportunity.id}/stage`, {
      stageId: otherStage.id,
      version: opportunity.version,
    });
    expect(move.statusCode).toBe(400);
    expect(move.json().error.fields[0].field).toBe('stageId');
    const create = await p.clients.r1.post('/api/v1/opportunities', {
      customerId: p.customers.r1[0],
      name: 'x',
      amountFen: 100,
      stageId: otherStage.id,
    });
    expect(create.statusCode).toBe(400);
    // In use, so deleting archives it: new opportunities of Sales-East fall back to the default process.
    expect((await p.clients.admin.delete(`/api/v1/sales-processes/${eastProcess.id}`)).statusCode).toBe(204);
    const archived = await p.clients.admin.get('/api/v1/sales-processes');
    expect(archived.json().items.map((x: { id: string }) => x.id)).not.toContain(eastProcess.id);
    // The archived process still serves its opportunity.
    expect((await p.clients.r1.get(`/api/v1/opportunities/${opportunity.id}`)).json().stageName).toBe('立项');
  });

  it('accepts only contacts of the same customer in the decision chain', async () => {
    const contact = async (client: Client, customerId: string, name: string) => {
      const response = await client.post('/api/v1/contacts', { customerId, name });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().id as string;
    };
    const own = await contact(p.clients.r1, p.customers.r1[1]!, '王总');
    const foreign = await contact(p.clients.r1, p.customers.r1[0]!, '李工');
    const opportunity = await open(p.clients.r1, p.customers.r1[1]!);
    const bad = await p.clients.r1.put(`/api/v1/opportunities/${opportunity.id}/contacts`, {
      items: [{ contactId: foreign, role: 'influencer', attitude: 'neutral' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('items.0.contactId');
    const good = await p.clients.r1.put(`/api/v1/opportunities/${opportunity.id}/contacts`, {
      items: [{ contactId: own, role: 'decision_maker', attitude: 'supporter' }],
    });
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json().items).toEqual([
      expect.objectContaining({ contactId: own, contactName: '王总', role: 'decision_maker', attitude: 'supporter' }),
    ]);
  });
});

describe('opportunities: scope and locking', () => {
  it("a salesperson cannot see or move another's opportunity (404, nothing changed); the manager sees the team's", async () => {
    const opportunity = await open(p.clients.r2, p.customers.r2[0]!);
    const stages = (await p.clients.r2.get('/api/v1/sales-processes')).json().items[0].stages as Stage[];
    const r1 = p.clients.r1;
    expect((await r1.get(`/api/v1/opportunities/${opportunity.id}`)).statusCode).toBe(404);
    expect((await r1.get(`/api/v1/opportunities/${opportunity.id}/history`)).statusCode).toBe(404);
    expect(
      (await r1.post(`/api/v1/opportunities/${opportunity.id}/stage`, { stageId: stages[1]!.id, version: 1 }))
        .statusCode,
    ).toBe(404);
    expect((await r1.post(`/api/v1/opportunities/${opportunity.id}/won`, {})).statusCode).toBe(404);
    expect((await r1.patch(`/api/v1/opportunities/${opportunity.id}`, { amountFen: 100, version: 1 })).statusCode).toBe(
      404,
    );
    expect(
      (await r1.post('/api/v1/opportunities', { customerId: p.customers.r2[0], name: 'x', amountFen: 100 })).statusCode,
    ).toBe(404);
    const list = await r1.get(`/api/v1/opportunities?customerId=${p.customers.r2[0]}`);
    expect(list.json().items).toHaveLength(0);
    const unchanged = await p.clients.r2.get(`/api/v1/opportunities/${opportunity.id}`);
    expect(unchanged.json()).toMatchObject({ version: 1, status: 'open', stageId: opportunity.stageId });

    const manager = await p.clients.eastManager.get(`/api/v1/opportunities/${opportunity.id}`);
    expect(manager.statusCode).toBe(200);
    const team = (await p.clients.eastManager.get('/api/v1/opportunities?limit=200'))
      .json()
      .items.map((o: { ownerId: string }) => o.ownerId);
    expect(team).toContain(p.users.r2.id);
    // r3 is in Sales-West: outside the East manager's department.
    const west = await open(p.clients.r3, p.customers.r3[0]!);
    expect((await p.clients.eastManager.get(`/api/v1/opportunities/${west.id}`)).statusCode).toBe(404);
  });

  it('a stale version answers 409 and the stage log records each move', async () => {
    const opportunity = await open(p.clients.r1, p.customers.r1[1]!);
    const stages = (await p.clients.r1.get(`/api/v1/sales-processes/${opportunity.processId}`)).json()
      .stages as Stage[];
    const first = await p.clients.r1.post(`/api/v1/opportunities/${opportunity.id}/stage`, {
      stageId: stages[1]!.id,
      version: opportunity.version,
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      stageId: stages[1]!.id,
      version: opportunity.version + 1,
      probability: stages[1]!.probability,
    });
    const stale = await p.clients.r1.post(`/api/v1/opportunities/${opportunity.id}/stage`, {
      stageId: stages[2]!.id,
      version: opportunity.version,
    });
    expect(stale.statusCode).toBe(409);
    const staleEdit = await p.clients.r1.patch(`/api/v1/opportunities/${opportunity.id}`, {
      amountFen: 500,
      version: opportunity.version,
    });
    expect(staleEdit.statusCode).toBe(409);
    const won = await p.clients.r1.post(`/api/v1/opportunities/${opportunity.id}/won`, { comment: '签约' });
    expect(won.json()).toMatchObject({ status: 'won', closeReason: '签约' });
    const history = (await p.clients.r1.get(`/api/v1/opportunities/${opportunity.id}/history`)).json().items;
    expect(
      history.map((h: { fromStageId: string | null; toStageId: string; toStatus: string }) => [
        h.fromStageId,
        h.toStageId,
        h.toStatus,
      ]),
    ).toEqual([
      [null, stages[0]!.id, 'open'],
      [stages[0]!.id, stages[1]!.id, 'open'],
      [stages[1]!.id, stages[1]!.id, 'won'],
    ]);
    expect(history[1]).toMatchObject({
      actorId: p.users.r1.id,
      fromStageName: stages[0]!.name,
      toStageName: stages[1]!.name,
    });
  });
});
