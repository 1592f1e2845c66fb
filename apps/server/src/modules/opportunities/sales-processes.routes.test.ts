import { describe, expect, it } from 'vitest';
import { usePersonas } from '../../test/file-context.js';
import { createSalesProcess } from './opportunities.fixtures.js';

const { p } = usePersonas({ customersEach: 2 });

interface Stage {
  id: string;
  name: string;
  nameEn: string | null;
  probability: number;
}

describe('sales processes', () => {
  it('an organization without processes gets the default one, readable by salespeople', async () => {
    const response = await p.clients.r1.get('/api/v1/sales-processes');
    expect(response.statusCode).toBe(200);
    const [process] = response.json().items;
    expect(process).toMatchObject({ departmentId: null, inUse: false });
    expect(process.stages.map((s: Stage) => [s.name, s.probability])).toEqual([
      ['初步接洽', 10],
      ['需求确认', 30],
      ['方案报价', 60],
      ['谈判审核', 80],
    ]);
    // Only once, however often it is read.
    expect((await p.clients.r2.get('/api/v1/sales-processes')).json().items).toHaveLength(1);
  });

  it('a process or stage name of only spaces answers 400 naming the field and creates nothing', async () => {
    const blankProcess = await p.clients.admin.post('/api/v1/sales-processes', {
      name: '  ',
      stages: [{ name: '接洽', probability: 10 }],
    });
    expect(blankProcess.statusCode).toBe(400);
    expect(blankProcess.json().error.fields[0].field).toBe('name');
    const blankStage = await p.clients.admin.post('/api/v1/sales-processes', {
      name: '空白阶段',
      stages: [
        { name: '接洽', probability: 10 },
        { name: ' ', probability: 50 },
      ],
    });
    expect(blankStage.statusCode).toBe(400);
    expect(blankStage.json().error.fields[0].field).toBe('stages.1.name');
    expect((await p.clients.admin.get('/api/v1/sales-processes')).json().items).toHaveLength(1);
  });

  it('needs opportunities.manage to change a process', async () => {
    const [process] = (await p.clients.admin.get('/api/v1/sales-processes')).json().items;
    const response = await p.clients.eastManager.put(`/api/v1/sales-processes/${process.id}`, {
      name: 'x',
      version: process.version,
    });
    expect(response.statusCode).toBe(403);
  });

  it('is editable while unused; once used only names change (409 otherwise)', async () => {
    const process = await createSalesProcess(p.clients.admin, {
      name: '西区流程',
      departmentId: p.departments.west,
      stages: [
        { name: 'A', probability: 10 },
        { name: 'B', probability: 50 },
      ],
    });
    const put = (body: Record<string, unknown>) => p.clients.admin.put(`/api/v1/sales-processes/${process.id}`, body);
    const [a, b] = process.stages as Stage[];
    const edited = await put({
      version: process.version,
      stages: [
        { id: b!.id, name: 'B', probability: 40 },
        { id: a!.id, name: 'A', probability: 10 },
        { name: 'C', probability: 90 },
      ],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().stages.map((s: Stage) => [s.name, s.probability])).toEqual([
      ['B', 40],
      ['A', 10],
      ['C', 90],
    ]);
    const duplicate = await p.clients.admin.post('/api/v1/sales-processes', {
      name: 'x',
      departmentId: p.departments.west,
      stages: [{ name: 'A', probability: 1 }],
    });
    expect(duplicate.statusCode).toBe(409);

    // r3 (Sales-West) opens an opportunity: the process is now in use.
    const opportunity = await p.clients.r3.post('/api/v1/opportunities', {
      customerId: p.customers.r3[0],
      name: '西区项目',
      amountFen: 100_000,
    });
    expect(opportunity.statusCode, opportunity.body).toBe(201);
    expect(opportunity.json().processId).toBe(process.id);
    const current = edited.json();
    expect((await p.clients.admin.get(`/api/v1/sales-processes/${process.id}`)).json()).toMatchObject({
      inUse: true,
      opportunityCount: 1,
    });
    const stages = current.stages as Stage[];
    const changedProbability = await put({
      version: current.version,
      stages: stages.map((s) => ({ id: s.id, name: s.name, probability: 5 })),
    });
    expect(changedProbability.statusCode).toBe(409);
    expect(changedProbability.json().error.code).toBe('conflict');
    const removed = await put({
      version: current.version,
      stages: stages.slice(1).map((s) => ({ id: s.id, name: s.name, probability: s.probability })),
    });
    expect(removed.statusCode).toBe(409);
    const renamed = await put({
      version: current.version,
      name: '西区项目流程',
      stages: stages.map((s) => ({
        id: s.id,
        name: `${s.name}阶段`,
        nameEn: `Stage ${s.name}`,
        probability: s.probability,
      })),
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: '西区项目流程' });
    expect(renamed.json().stages[0]).toMatchObject({ name: 'B阶段', nameEn: 'Stage B', probability: 40 });
    const stale = await put({ version: current.version, name: 'again' });
    expect(stale.statusCode).toBe(409);
  });
});
