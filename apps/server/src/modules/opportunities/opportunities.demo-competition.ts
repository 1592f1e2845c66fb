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

/** Closed deals of the last weeks: reason code, competitor index (or none), amount in yuan, days ago. */
const DEMO_LOSSES = [
  { name: 'MES 系统选型', reason: 'competitor', competitor: 0, yuan: 180_000, daysAgo: 6 },
  { name: '财务共享中心', reason: 'price', competitor: null, yuan: 96_000, daysAgo: 12 },
  { name: '门店收银升级', reason: 'competitor', competitor: 1, yuan: 64_000, daysAgo: 20 },
  { name: '车间看板项目', reason: 'budget', competitor: null, yuan: 45_000, daysAgo: 27 },
  { name: '集团 OA 替换', reason: 'timing', competitor: null, yuan: 120_000, daysAgo: 34 },
] as const;

interface DemoDeal {
  id: string;
  customerId: string;
  ownerId: string;
}

/**
 * The demo's competitor list, competitors on the first open deals, and a few lost deals with their
 * loss reasons for the loss analysis. Seed data as the rest of the demo: no events, no audit.
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
  const reasonId = (code: (typeof DEFAULT_LOSS_REASONS)[number]['code']) => reasons.find((r) => r.code === code)!.id;
  for (const [i, loss] of DEMO_LOSSES.entries()) {
    const deal = options.openDeals[i % options.openDeals.length];
    if (!deal) return;
    const id = newId();
    const closedAt = new Date(Date.now() - loss.daysAgo * 86400_000);
    const lostTo = loss.competitor === null ? null : competitorIds[loss.competitor]!;
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
      status: 'lost',
      closedAt,
      closedBy: deal.ownerId,
      lossReasonId: reasonId(loss.reason),
      lostToCompetitorId: lostTo,
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
      toStatus: 'lost',
      reason: reasons.find((r) => r.id === reasonId(loss.reason))!.name,
      actorId: deal.ownerId,
      at: closedAt,
    });
    if (lostTo)
      await competitorsRepository.replaceOnOpportunity(tx, { orgId, opportunityId: id }, [
        {
          orgId,
          id: newId(),
          opportunityId: id,
          competitorId: lostTo,
          quotedPriceFen: loss.yuan * 85,
          threatLevel: 'high',
        },
      ]);
  }
}
