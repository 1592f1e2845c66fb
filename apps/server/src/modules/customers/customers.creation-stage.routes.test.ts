import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/query.js';
import { DEFAULT_STAGES } from '../lifecycle/index.js';
import { usePersonas } from '../../test/file-context.js';
import { postCustomer } from '../../test/customer-requests.js';

const { ctx, p } = usePersonas({ customersEach: 1 });

const customersNamed = async (name: string) =>
  (
    await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from customers where org_id = ${p.orgId} and name = ${name}`,
    )
  )[0]!.n;
const put = (url: string, payload: object) => p.clients.admin.put(url, payload);

describe('the stage a new customer starts in (issue 10)', () => {
  it('creating a customer directly as "lost" is refused with 400 naming the stage, localized, and nothing is created', async () => {
    for (const who of ['r1', 'eastManager', 'admin'] as const) {
      const refused = await postCustomer(p.clients[who], { kind: 'company', name: '直接流失贸易公司', stage: 'lost' });
      expect(refused.statusCode, who).toBe(400);
      expect(refused.json().error.fields).toEqual([{ field: 'stage', message: expect.stringContaining('“流失客户”') }]);
      expect(refused.json().error.message).toContain('需要审批');
    }
    await p.clients.r1.patch('/api/v1/auth/me', { locale: 'en' });
    const english = await postCustomer(p.clients.r1, { kind: 'company', name: '直接流失贸易公司', stage: 'lost' });
    expect(english.json().error.fields[0].message).toMatch(
      /^Stage cannot be “Lost” for a new customer: moving into it needs approval/,
    );
    await p.clients.r1.patch('/api/v1/auth/me', { locale: 'zh-CN' });
    expect(await customersNamed('直接流失贸易公司')).toBe(0);
  });

  it('an existing customer is entered at its real stage when no approval stands between (a repeat buyer)', async () => {
    const created = await postCustomer(p.clients.r1, { kind: 'company', name: '老客户复购贸易公司', stage: 'repeat' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().stage).toBe('repeat');
    const log = (await p.clients.r1.get(`/api/v1/customers/${created.json().id}/stage-transitions`)).json().items;
    expect(log).toEqual([expect.objectContaining({ from: null, to: 'repeat' })]);
  });

  it('the lifecycle settings decide: a rule into a stage from any stage closes it, an inactive stage is not in use', async () => {
    expect(
      (
        await put('/api/v1/lifecycle/approval-rules', {
          items: [
            { from: null, to: 'lost' },
            { from: null, to: 'repeat' },
          ],
        })
      ).statusCode,
    ).toBe(200);
    const repeat = await postCustomer(p.clients.r1, { kind: 'company', name: '需审批复购公司', stage: 'repeat' });
    expect(repeat.statusCode).toBe(400);
    expect(repeat.json().error.fields[0]).toMatchObject({
      field: 'stage',
      message: expect.stringContaining('需要审批'),
    });
    const stages = DEFAULT_STAGES.map((s) => (s.code === 'interested' ? { ...s, active: false } : s));
    expect((await put('/api/v1/lifecycle/stages', { items: stages })).statusCode).toBe(200);
    const inactive = await postCustomer(p.clients.r1, { kind: 'company', name: '停用阶段公司', stage: 'interested' });
    expect(inactive.statusCode).toBe(400);
    expect(inactive.json().error.fields).toEqual([{ field: 'stage', message: '客户阶段“意向客户”未启用' }]);
    // The first stage always works, also without naming it.
    expect(
      (await p.clients.r1.post('/api/v1/customers', { kind: 'company', name: '新潜在客户公司', stage: 'prospect' }))
        .statusCode,
    ).toBe(201);
    expect((await put('/api/v1/lifecycle/stages', { items: DEFAULT_STAGES })).statusCode).toBe(200);
    expect((await put('/api/v1/lifecycle/approval-rules', { items: [{ from: null, to: 'lost' }] })).statusCode).toBe(
      200,
    );
  });

  it('converting a lead cannot start its customer as "lost" either: 400 naming the stage, the lead stays unconverted', async () => {
    const lead = (
      await p.clients.r1.post('/api/v1/leads', { name: '王经理', companyName: '线索转流失公司', mobile: '13900001111' })
    ).json();
    const refused = await p.clients.r1.post(`/api/v1/leads/${lead.id}/convert`, { customer: { stage: 'lost' } });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().error.fields[0].field).toBe('stage');
    expect((await p.clients.r1.get(`/api/v1/leads/${lead.id}`)).json().status).not.toBe('converted');
    expect(await customersNamed('线索转流失公司')).toBe(0);
    const converted = await p.clients.r1.post(`/api/v1/leads/${lead.id}/convert`, {
      customer: { stage: 'interested' },
    });
    expect(converted.statusCode, converted.body).toBe(201);
    expect(converted.json().customer.stage).toBe('interested');
  });
});
