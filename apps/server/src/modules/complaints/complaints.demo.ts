import { and, eq } from 'drizzle-orm';
import type { ComplaintSeverity } from '@guanxi/contract';
import type { Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { firstRow } from '../../platform/db/row-reads.js';
import { users } from '../../platform/db/schema/index.js';
import type { DemoOrganization } from '../../platform/module-kit/module-definition.js';
import { DAY_MS } from '../../platform/time/index.js';
import { complaintSettingsRepository, complaintsRepository } from './complaints.repository.js';
import { deadlinesOf, loadServiceSettings, nextSlaCheck, workingCalendarOf } from './complaints.sla.js';

const HOUR_MS = 3_600_000;

/** A few complaints on the sales reps' customers, in every state, some handled by customer service. */
export async function seedDemoComplaints(tx: Executor, demo: DemoOrganization): Promise<void> {
  const service = await firstRow(
    tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.orgId, demo.orgId), eq(users.username, 'service'))),
  );
  const categories = await complaintSettingsRepository.categories(tx, demo.orgId);
  const settings = await loadServiceSettings(tx, demo.orgId);
  const calendar = await workingCalendarOf(tx, demo.orgId, settings);
  const now = Date.now();
  const samples: {
    subject: string;
    description: string;
    severity: ComplaintSeverity;
    channel: string;
    state: string;
    hoursAgo: number;
    category: number;
    resolved?: { rootCause: string; solution: string };
  }[] = [
    {
      subject: '收到的货物外箱破损',
      description: '客户反映本批次有 3 箱外包装破损，内件受潮。',
      severity: 'high',
      channel: 'hotline',
      state: 'new',
      hoursAgo: 1,
      category: 1,
    },
    {
      subject: '设备运行异响',
      description: '安装两周后设备出现异响，要求上门检查。',
      severity: 'urgent',
      channel: 'phone',
      state: 'assigned',
      hoursAgo: 6,
      category: 0,
    },
    {
      subject: '发票抬头开错',
      description: '上月订单发票抬头与合同不符，需要重开。',
      severity: 'normal',
      channel: 'wechat',
      state: 'in_progress',
      hoursAgo: 30,
      category: 4,
    },
    {
      subject: '送货员态度不好',
      description: '送货员未按约定时间到达，且电话沟通态度生硬。',
      severity: 'normal',
      channel: 'email',
      state: 'resolved',
      hoursAgo: 80,
      category: 2,
      resolved: {
        rootCause: '物流外包商临时换人，未传达送货要求。',
        solution: '已向物流商投诉并更换配送员，向客户致歉并赠送配件一套。',
      },
    },
    {
      subject: '报价高于同类产品',
      description: '客户认为续订报价高于市场价，希望给予优惠。',
      severity: 'low',
      channel: 'visit',
      state: 'closed',
      hoursAgo: 300,
      category: 3,
      resolved: { rootCause: '续订未套用老客户价格政策。', solution: '按老客户价格重新报价，客户已接受。' },
    },
  ];
  for (const [index, sample] of samples.entries()) {
    const customer = demo.dealCustomers[(index * 7) % demo.dealCustomers.length];
    if (!customer) return;
    const createdAt = new Date(now - sample.hoursAgo * HOUR_MS);
    const deadlines = deadlinesOf(createdAt, sample.severity, settings, calendar);
    const handled = sample.state !== 'new';
    const responded = sample.state === 'in_progress' || sample.resolved !== undefined;
    const row = {
      orgId: demo.orgId,
      id: newId(),
      subject: sample.subject,
      customerId: customer.id,
      categoryId: categories[sample.category]?.id ?? null,
      severity: sample.severity,
      channel: sample.channel,
      description: sample.description,
      state: sample.state,
      handlerId: handled ? (service?.id ?? customer.ownerId) : null,
      createdBy: service?.id ?? customer.ownerId,
      firstResponseDueAt: deadlines.firstResponse.dueAt,
      firstResponseWarnAt: deadlines.firstResponse.warnAt,
      firstRespondedAt: responded ? new Date(createdAt.getTime() + HOUR_MS) : null,
      resolutionDueAt: deadlines.resolution.dueAt,
      resolutionWarnAt: deadlines.resolution.warnAt,
      resolvedAt: sample.resolved ? new Date(createdAt.getTime() + DAY_MS) : null,
      closedAt: sample.state === 'closed' ? new Date(createdAt.getTime() + 2 * DAY_MS) : null,
      rootCause: sample.resolved?.rootCause ?? null,
      solution: sample.resolved?.solution ?? null,
      createdAt,
      updatedAt: createdAt,
    };
    await complaintsRepository.insert(tx, {
      ...row,
      slaCheckAt: nextSlaCheck({
        ...row,
        firstResponseWarned: false,
        firstResponseBreached: false,
        resolutionWarned: false,
        resolutionBreached: false,
      }),
    });
    if (responded) {
      await complaintsRepository.insertComment(tx, {
        orgId: demo.orgId,
        id: newId(),
        complaintId: row.id,
        kind: 'reply',
        text: '您好，您反映的问题我们已收到，正在安排处理，会尽快给您答复。',
        authorId: row.handlerId ?? row.createdBy,
        createdAt: row.firstRespondedAt!,
      });
    }
  }
}
