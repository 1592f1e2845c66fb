import type { Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { opportunitiesRepository } from './opportunities.repository.js';
import { seedDemoCompetition } from './opportunities.demo-competition.js';
import { ensureDefaultSalesProcess } from './sales-processes.defaults.js';
import { salesProcessesRepository } from './sales-processes.repository.js';

const DEMO_DEALS = [
  'ERP 实施项目',
  '年度采购框架协议',
  '生产线自动化改造',
  '办公设备集采',
  '仓储管理系统升级',
  '门店数字化项目',
];

/**
 * A few open opportunities on the default process for the demo board and pipeline, spread over
 * the stages (one per given customer, at most six), their competitors and a few lost deals.
 * Seed data: no events, no audit.
 */
export async function seedDemoOpportunities(
  tx: Executor,
  options: { orgId: string; customers: { id: string; ownerId: string }[] },
): Promise<void> {
  const { orgId } = options;
  await ensureDefaultSalesProcess(tx, orgId);
  const processId = await salesProcessesRepository.resolveForDepartment(tx, orgId, null);
  if (!processId) return;
  const stages = await salesProcessesRepository.findStages(tx, orgId, [processId]);
  const openDeals: { id: string; customerId: string; ownerId: string }[] = [];
  for (const [i, customer] of options.customers.slice(0, DEMO_DEALS.length).entries()) {
    const stage = stages[i % stages.length]!;
    const id = newId();
    const expected = new Date(Date.now() + (15 + i * 12) * 86400_000).toISOString().slice(0, 10);
    await opportunitiesRepository.insert(tx, {
      orgId,
      id,
      customerId: customer.id,
      name: DEMO_DEALS[i]!,
      // ¥50,000.00, ¥87,500.00, … in fen.
      amountFen: (50_000 + i * 37_500) * 100,
      expectedCloseDate: expected,
      processId,
      stageId: stage.id,
      ownerId: customer.ownerId,
      createdBy: customer.ownerId,
    });
    await opportunitiesRepository.insertStageChange(tx, {
      orgId,
      id: newId(),
      opportunityId: id,
      toStageId: stage.id,
      toStatus: 'open',
      actorId: customer.ownerId,
    });
    openDeals.push({ id, customerId: customer.id, ownerId: customer.ownerId });
  }
  await seedDemoCompetition(tx, { orgId, openDeals, processId, stageId: stages.at(-1)!.id });
}
