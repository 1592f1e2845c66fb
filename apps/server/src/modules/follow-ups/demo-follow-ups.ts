import type { Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { followUps, visits } from '../../platform/db/schema/index.js';
import { followUpsRepository } from './follow-ups.repository.js';
import { DAY_MS } from '../../platform/time/index.js';

const NOTES: readonly [string, string][] = [
  ['call', '电话沟通年度采购计划，客户希望下周收到报价单'],
  ['wechat', '微信发送产品资料和案例，客户已读并询问交期'],
  ['visit', '上门拜访采购经理，现场演示样品，反馈良好'],
  ['email', '邮件发送正式报价及合同模板'],
  ['meeting', '与客户技术团队开会确认规格参数'],
];

/**
 * A few follow-ups and check-ins for the demo's salespeople (the first customers of each),
 * so the timeline, the team activity page and the check-in list are not empty on first start.
 */
export async function seedDemoFollowUps(
  tx: Executor,
  options: { orgId: string; customers: { id: string; ownerId: string }[] },
): Promise<void> {
  const { orgId } = options;
  const now = Date.now();
  const picked = options.customers.slice(0, 12);
  const rows: (typeof followUps.$inferInsert)[] = [];
  const visitRows: (typeof visits.$inferInsert)[] = [];
  picked.forEach((customer, i) => {
    for (let k = 0; k < 1 + (i % 3); k++) {
      const [type, content] = NOTES[(i + k) % NOTES.length]!;
      const occurredAt = new Date(now - ((i * 3 + k * 5) % 20) * DAY_MS - (k + 1) * 3600_000);
      const id = newId();
      rows.push({
        orgId,
        id,
        customerId: customer.id,
        type,
        content,
        occurredAt,
        authorId: customer.ownerId,
        nextContactAt: k === 0 ? new Date(now + (1 + (i % 6)) * DAY_MS) : null,
      });
      if (type === 'visit') {
        visitRows.push({
          orgId,
          id: newId(),
          customerId: customer.id,
          userId: customer.ownerId,
          checkedInAt: occurredAt,
          latitude: (31.2 + i / 100).toFixed(6),
          longitude: (121.45 + i / 100).toFixed(6),
          accuracyM: 30,
          note: content,
          followUpId: id,
        });
      }
    }
  });
  if (rows.length === 0) return;
  await tx.insert(followUps).values(rows);
  if (visitRows.length > 0) await tx.insert(visits).values(visitRows);
  for (const customer of picked) await followUpsRepository.syncCustomer(tx, orgId, customer.id);
}
