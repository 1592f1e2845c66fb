import type { Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { competitorsRepository } from './competitors.repository.js';
import { DEFAULT_LOSS_REASONS, ensureDefaultLossReasons } from './loss-reasons.defaults.js';
import { lossReasonsRepository } from './loss-reasons.repository.js';
import { opportunitiesRepository } from './opportunities.repository.js';

const DEMO_COMPETITORS = [
  { name: '用友网络', website: 'https://www.yonyou.com', notes: '大型 ERP 厂商，品牌强，实施周期长' },
  { name: '金蝶软件', website: 'https://www.kingdee.com', notes: '云产品线齐全，中小企业价格有优势' },
  { name: '鼎捷软件', website: null, notes: '制造业深耕，行业方案多' },
];

/**
 * Closed deals of the last weeks: outcome, loss reason code (null: a loss recorded before reasons
 * existed), competitor index (or none), amount in yuan, days ago.
 */
const DEMO_LOSSES = [
  { name: 'MES 系统选型', status: 'lost', reason: 'competitor', competitor: 0, yuan: 180_000, daysAgo: 6 },
  { name: '财务共享中心', status: 'lost', reason: 'price', competitor: null, yuan: 96_000, daysAgo: 12 },
  { name: '门店收银升级', status: 'lost', reason: 'competitor', competitor: 1, yuan: 64_000, daysAgo: 20 },
  { name: '车间看板项目', status: 'lost', reason: 'budget', competitor: null, yuan: 45_000, daysAgo: 27 },
  { name: '集团 OA 替换', status: 'lost', reason: 'timing', competitor: null, yuan: 120_000, daysAgo: 34 },
  { name: '旧系统维保续约', status: 'lost', reason: null, competitor: null, yuan: 30_000, daysAgo: 40 },
  { name: '仓库扫码改造', status: 'won', reason: null, competitor: 0, yuan: 88_000, daysAgo: 9 },
] as const;

interface DemoDeal {
  id: string;
  customerId: string;
  ownerId: string;
}

/**
 * The demo's competitor list, competitors on the first open deals, and a few closed deals (lost with
 * their loss reasons, one without, one won against a competitor) for the loss analysis. Seed data as the rest of the demo: no events, no audit.
 */
export async function seedDemoCompetition(
  tx: Executor,
  options: { orgId: string; openDeals: DemoDeal[]; processId: string; stageId: string },
): Promise<void> {
  const { orgId } = options;
  const competitorIds: string[] = [];
  for (const competitor of DEMO_COMPETITORS) {
    const id = newId();
    await competitorsRepository.insert(tx, { orgId, id, ...competitor });
    competitorIds.push(id);
  }
  for (const [i, deal] of options.openDeals.slice(0, 3).entries()) {
    await competitorsRepository.replaceOnOpportunity(tx, { orgId, opportunityId: deal.id }, [
      {
        orgId,
        id: newId(),
        opportunityId: deal.id,
        competitorId: competitorIds[i % competitorIds.length]!,
        strengths: ['品牌知名度高，客户高层认可', '报价低，交付快', '行业案例多'][i]!,
        weaknesses: ['实施周期长，二次开发贵', '本地服务团队小', '产品界面老旧'][i]!,
        quotedPriceFen: (45_000 + i * 30_000) * 100,
        threatLevel: (['high', 'medium', 'low'] as const)[i]!,
      },
    ]);
  }

  await ensureDefaultLossReasons(tx, orgId);
  const reasons = await lossReasonsRepository.findAll(tx, orgId);
  const reasonOf = (code: (typeof DEFAULT_LOSS_REASONS)[number]['code'] | null) =>
    code === null ? null : reasons.find((r) => r.code === code)!;
  for (const [i, loss] of DEMO_LOSSES.entries()) {
    const deal = options.openDeals[i % options.openDeals.length];
    if (!deal) return;
    const id = newId();
    const closedAt = new Date(Date.now() - loss.daysAgo * 86400_000);
    const competitorId = loss.competitor === null ? null : competitorIds[loss.competitor]!;
    const reason = reasonOf(loss.reason);
    await opportunitiesRepository.insert(tx, {
      orgId,
      id,
      customerId: deal.customerId,
      name: loss.name,
      amountFen: loss.yuan * 100,
      processId: options.processId,
      stageId: options.stageId,
      ownerId: deal.ownerId,
      createdBy: deal.ownerId,
      status: loss.status,
      closedAt,
      closedBy: deal.ownerId,
      lossReasonId: reason?.id ?? null,
      lostToCompetitorId: loss.status === 'lost' ? competitorId : null,
      createdAt: new Date(closedAt.getTime() - 30 * 86400_000),
    });
    await opportunitiesRepository.insertStageChange(tx, {
      orgId,
      id: newId(),
      opportunityId: id,
      toStageId: options.stageId,
      toStatus: 'open',
      actorId: deal.ownerId,
      at: new Date(closedAt.getTime() - 30 * 86400_000),
    });
    await opportunitiesRepository.insertStageChange(tx, {
      orgId,
      id: newId(),
      opportunityId: id,
      fromStageId: options.stageId,
      toStageId: options.stageId,
      fromStatus: 'open',
      toStatus: loss.status,
      reason: reason?.name ?? null,
      actorId: deal.ownerId,
      at: closedAt,
    });
    if (competitorId)
      await competitorsRepository.replaceOnOpportunity(tx, { orgId, opportunityId: id }, [
        {
          orgId,
          id: newId(),
          opportunityId: id,
          competitorId,
          quotedPriceFen: loss.yuan * 85,
          threatLevel: 'high',
        },
      ]);
  }
}
