import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/query.js';
import type { Client } from '../../test/test-app.js';
import { usePersonas } from '../../test/file-context.js';
import { lossReasonId } from './opportunities.fixtures.js';

const { ctx, p } = usePersonas({ customersEach: 2 });

let n = 0;
async function open(client: Client, customerId: string, amountFen = 1_000_000) {
  const response = await client.post('/api/v1/opportunities', { customerId, name: `竞争项目${n++}`, amountFen });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}
async function addCompetitor(name: string): Promise<string> {
  const response = await p.clients.admin.post('/api/v1/competitors', { name, website: 'https://example.cn' });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}
async function lose(client: Client, id: string, body: Record<string, unknown>) {
  const response = await client.post(`/api/v1/opportunities/${id}/lost`, body);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}
const auditCount = async (entityId: string) =>
  (
    await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from audit_log where entity_id = ${entityId}`,
    )
  )[0]!.n;

describe('loss reasons', () => {
  it('every organization starts with the default reasons, one of them needing the competitor', async () => {
    const items = (await p.clients.r1.get('/api/v1/loss-reasons')).json().items;
    expect(items.map((r: { name: string }) => r.name)).toEqual([
      '价格太高',
      '输给竞争对手',
      '客户没有预算',
      '客户未做决定',
      '产品不匹配',
      '时机不对',
      '客户关系不足',
    ]);
    expect(items.filter((r: { requiresCompetitor: boolean }) => r.requiresCompetitor)).toHaveLength(1);
    expect(items[1]).toMatchObject({ nameEn: 'Lost to a competitor', archived: false });
  });

  it('admins add, rename and archive reasons; salespeople may not; each change is audited', async () => {
    expect((await p.clients.r1.post('/api/v1/loss-reasons', { name: '其他' })).statusCode).toBe(403);
    const created = await p.clients.admin.post('/api/v1/loss-reasons', { name: '资质不符', nameEn: 'Not qualified' });
    expect(created.statusCode, created.body).toBe(201);
    const reason = created.json();
    expect((await p.clients.admin.post('/api/v1/loss-reasons', { name: '资质不符' })).statusCode).toBe(409);
    const archived = await p.clients.admin.patch(`/api/v1/loss-reasons/${reason.id}`, {
      archived: true,
      version: reason.version,
    });
    expect(archived.json()).toMatchObject({ archived: true, name: '资质不符' });
    expect(await auditCount(reason.id)).toBe(2);
    const opportunity = await open(p.clients.r1, p.customers.r1[0]!);
    const refused = await p.clients.r1.post(`/api/v1/opportunities/${opportunity.id}/lost`, {
      lossReasonId: reason.id,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([{ field: 'lossReasonId', message: '输单原因无效' }]);
  });
});

describe('losing an opportunity', () => {
  it('needs a loss reason: 400 naming the field, and nothing is written', async () => {
    const opportunity = await open(p.clients.r1, p.customers.r1[0]!);
    const audits = await auditCount(opportunity.id);
    for (const body of [{}, { note: '太贵了' }, { lossReasonId: opportunity.id }]) {
      const response = await p.clients.r1.post(`/api/v1/opportunities/${opportunity.id}/lost`, body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields[0].field).toBe('lossReasonId');
    }
    await p.clients.r1.patch('/api/v1/auth/me', { locale: 'en' });
    const english = await p.clients.r1.post(`/api/v1/opportunities/${opportunity.id}/lost`, {});
    await p.clients.r1.patch('/api/v1/auth/me', { locale: 'zh-CN' });
    expect(english.json().error.fields).toEqual([{ field: 'lossReasonId', message: 'Loss reason is required' }]);
    const after = (await p.clients.r1.get(`/api/v1/opportunities/${opportunity.id}`)).json();
    expect(after).toMatchObject({ status: 'open', version: opportunity.version, lossReasonId: null });
    expect(await auditCount(opportunity.id)).toBe(audits);
    expect((await p.clients.r1.get(`/api/v1/opportunities/${opportunity.id}/history`)).json().items).toHaveLength(1);
  });

  it('lost to a competitor needs the competitor, a live one of the list', async () => {
    const opportunity = await open(p.clients.r1, p.customers.r1[0]!);
    const competitorReason = await lossReasonId(p.clients.r1, { requiresCompetitor: true });
    const missing = await p.clients.r1.post(`/api/v1/opportunities/${opportunity.id}/lost`, {
      lossReasonId: competitorReason,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toEqual([{ field: 'competitorId', message: '竞争对手为必填项' }]);
    const unknown = await p.clients.r1.post(`/api/v1/opportunities/${opportunity.id}/lost`, {
      lossReasonId: competitorReason,
      competitorId: opportunity.id,
    });
    expect(unknown.json().error.fields[0].field).toBe('competitorId');
    expect((await p.clients.r1.get(`/api/v1/opportunities/${opportunity.id}`)).json().status).toBe('open');
    const rival = await addCompetitor('用友网络');
    const lost = await lose(p.clients.r1, opportunity.id, {
      lossReasonId: competitorReason,
      competitorId: rival,
      note: '对方降价 30%',
    });
    expect(lost).toMatchObject({
      status: 'lost',
      lossReasonName: '输给竞争对手',
      lostToCompetitorId: rival,
      lostToCompetitorName: '用友网络',
      closeReason: '对方降价 30%',
    });
    const history = (await p.clients.r1.get(`/api/v1/opportunities/${opportunity.id}/history`)).json().items;
    expect(history.at(-1)).toMatchObject({ toStatus: 'lost', reason: '输给竞争对手：对方降价 30%' });
    const audit = await queryRows<{ after: { lossReasonId: string; lostToCompetitorId: string } }>(
      ctx.database.db,
      sql`select after from audit_log where entity_id = ${opportunity.id} and action = 'lost'`,
    );
    expect(audit[0]!.after).toMatchObject({ lossReasonId: competitorReason, lostToCompetitorId: rival });
  });
});

describe('competitors on an opportunity', () => {
  it('are replaced as a whole; a new name joins the list; each change is audited', async () => {
    const opportunity = await open(p.clients.r1, p.customers.r1[1]!);
    const kingdee = await addCompetitor('金蝶软件');
    const put = await p.clients.r1.put(`/api/v1/opportunities/${opportunity.id}/competitors`, {
      items: [
        {
          competitorId: kingdee,
          strengths: '品牌知名',
          weaknesses: '实施慢',
          quotedPriceFen: 12_345_600,
          threatLevel: 'high',
        },
        { competitorName: ' 鼎捷软件 ', quotedPriceFen: null },
      ],
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().items).toEqual([
      expect.objectContaining({
        competitorName: '金蝶软件',
        quotedPriceFen: 12_345_600,
        currency: 'CNY',
        threatLevel: 'high',
      }),
      expect.objectContaining({ competitorName: '鼎捷软件', strengths: null, threatLevel: null }),
    ]);
    const list = (await p.clients.r1.get('/api/v1/competitors')).json().items;
    expect(list.find((c: { name: string }) => c.name === '鼎捷软件')).toMatchObject({ opportunityCount: 1 });
    // The same name again (another case) finds the listed one instead of adding a second.
    const again = await p.clients.r1.put(`/api/v1/opportunities/${opportunity.id}/competitors`, {
      items: [{ competitorName: '鼎捷软件' }],
    });
    expect(again.json().items).toHaveLength(1);
    expect((await p.clients.r1.get('/api/v1/competitors')).json().items).toHaveLength(list.length);
    const duplicate = await p.clients.r1.put(`/api/v1/opportunities/${opportunity.id}/competitors`, {
      items: [{ competitorId: kingdee }, { competitorName: '金蝶软件' }],
    });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().error.fields[0].field).toBe('items.1.competitorId');
    const negative = await p.clients.r1.put(`/api/v1/opportunities/${opportunity.id}/competitors`, {
      items: [{ competitorId: kingdee, quotedPriceFen: -1 }],
    });
    expect(negative.statusCode).toBe(400);
    const audits = await queryRows<{ action: string }>(
      ctx.database.db,
      sql`select action from audit_log where entity_id = ${opportunity.id} and action = 'competitors'`,
    );
    expect(audits).toHaveLength(2);
    const cleared = await p.clients.r1.put(`/api/v1/opportunities/${opportunity.id}/competitors`, { items: [] });
    expect(cleared.json().items).toEqual([]);
  });

  it("another salesperson's opportunity answers 404 and keeps its competitors", async () => {
    const opportunity = await open(p.clients.r1, p.customers.r1[1]!);
    await p.clients.r1.put(`/api/v1/opportunities/${opportunity.id}/competitors`, {
      items: [{ competitorName: '浪潮' }],
    });
    expect((await p.clients.r3.get(`/api/v1/opportunities/${opportunity.id}/competitors`)).statusCode).toBe(404);
    const write = await p.clients.r3.put(`/api/v1/opportunities/${opportunity.id}/competitors`, { items: [] });
    expect(write.statusCode).toBe(404);
    expect((await p.clients.r1.get(`/api/v1/opportunities/${opportunity.id}/competitors`)).json().items).toHaveLength(
      1,
    );
  });

  it('the list is kept by admins: a name once, archive takes it off the pick list', async () => {
    expect((await p.clients.r1.post('/api/v1/competitors', { name: '华为云' })).statusCode).toBe(403);
    const id = await addCompetitor('华为云');
    const taken = await p.clients.admin.post('/api/v1/competitors', { name: '华为云' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.fields[0].field).toBe('name');
    const competitor = (await p.clients.admin.get('/api/v1/competitors'))
      .json()
      .items.find((c: { id: string }) => c.id === id);
    const archived = await p.clients.admin.patch(`/api/v1/competitors/${id}`, {
      archived: true,
      version: competitor.version,
    });
    expect(archived.json()).toMatchObject({ archived: true });
    expect((await p.clients.r1.get('/api/v1/competitors')).json().items.map((c: { id: string }) => c.id)).not.toContain(
      id,
    );
    expect((await p.clients.admin.get('/api/v1/competitors?archived=true')).json().items).toHaveLength(1);
    expect(await auditCount(id)).toBe(2);
  });
});
