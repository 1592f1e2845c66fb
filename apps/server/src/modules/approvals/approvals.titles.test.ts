import { describe, expect, it } from 'vitest';
import { newId } from '../../platform/db/ids.js';
import { actorOfClient } from '../../test/actors.js';
import { usePersonas } from '../../test/file-context.js';
import { notifyUsers } from '../notifications/index.js';
import { approvalEngine } from './index.js';

const { ctx, p } = usePersonas({ customersEach: 1 });

/** r1 (writing in Chinese) submits a request; its stored title is what r1's language made of it. */
const submit = async (options: { businessType: 'expense' | 'stage_transition'; title: string; summary: object }) => {
  const actor = await actorOfClient(ctx, p.clients.r1);
  return (
    await ctx.database.db.transaction((tx) =>
      approvalEngine.submit(tx, actor, {
        ...options,
        entityType: options.businessType === 'expense' ? 'expense' : 'stage_transition_request',
        entityId: newId(),
        customerId: p.customers.r1[0]!,
        reason: null,
        summary: options.summary as Record<string, unknown>,
      }),
    )
  ).requestId!;
};

const titleOf = async (id: string) => {
  const todo = (await p.clients.eastManager.get('/api/v1/approvals?box=todo')).json();
  const listed = todo.items.find((i: { id: string }) => i.id === id).title as string;
  const detail = (await p.clients.eastManager.get(`/api/v1/approvals/${id}`)).json().title as string;
  expect(detail).toBe(listed);
  return listed;
};

const inLocale = (locale: 'en' | 'zh-CN') => p.clients.eastManager.patch('/api/v1/auth/me', { locale });

describe("approval titles in the reader's language", () => {
  it('renders an expense and a stage change from their facts, with one money format', async () => {
    const expense = await submit({
      businessType: 'expense',
      title: 'r1 · 250.00 CNY · 客户午餐',
      summary: { amountFen: 25_000, currency: 'CNY', description: '客户午餐' },
    });
    const stage = await submit({
      businessType: 'stage_transition',
      title: '某客户: 潜在客户 → 流失客户',
      summary: { customerName: '某客户', from: 'prospect', to: 'lost' },
    });
    const submitter = p.users.r1.username;

    expect((await inLocale('en')).statusCode).toBe(200);
    expect(await titleOf(expense)).toBe(`${submitter} · ¥250.00 · 客户午餐`);
    expect(await titleOf(stage)).toBe('某客户: Prospect → Lost');
    const inbox = (await p.clients.eastManager.get('/api/v1/todos/inbox')).json();
    const titles = inbox.sections.flatMap((s: { items: { title: string }[] }) => s.items.map((i) => i.title));
    expect(titles).toContain('某客户: Prospect → Lost');

    expect((await inLocale('zh-CN')).statusCode).toBe(200);
    expect(await titleOf(stage)).toBe('某客户：潜在客户 → 流失客户');
  });

  it('keeps the stored title of a request whose summary lacks the facts (older rows)', async () => {
    const old = await submit({ businessType: 'expense', title: '差旅费 ¥1,200.00', summary: { amountFen: 120_000 } });
    expect((await inLocale('en')).statusCode).toBe(200);
    expect(await titleOf(old)).toBe('差旅费 ¥1,200.00');
    await inLocale('zh-CN');
  });

  it("renders a zh-CN submitter's notification and to-do in an English reader's language", async () => {
    const stage = await submit({
      businessType: 'stage_transition',
      title: '某客户: 潜在客户 → 意向客户',
      summary: { customerName: '某客户', from: 'prospect', to: 'interested' },
    });
    const noticeTitle = async () => {
      const page = (await p.clients.eastManager.get('/api/v1/notifications')).json();
      const notice = page.items.find((n: { entityId: string }) => n.entityId === stage);
      expect(notice.kind).toBe('approval_requested');
      expect(notice.params.titleMessage).toBeUndefined();
      return notice.params.title as string;
    };
    const todoTitle = async () => {
      const page = (await p.clients.eastManager.get('/api/v1/todos')).json();
      return page.items.find((n: { entityId: string }) => n.entityId === stage).params.title as string;
    };
    expect((await inLocale('en')).statusCode).toBe(200);
    expect(await noticeTitle()).toBe('某客户: Prospect → Interested');
    expect(await todoTitle()).toBe('某客户: Prospect → Interested');
    expect((await inLocale('zh-CN')).statusCode).toBe(200);
    expect(await noticeTitle()).toBe('某客户：潜在客户 → 意向客户');
  });

  it('keeps the stored title of a notification without a title message (older rows)', async () => {
    const actor = await actorOfClient(ctx, p.clients.eastManager);
    const entityId = newId();
    await notifyUsers(ctx.database.db, {
      orgId: actor.orgId,
      userIds: [actor.userId],
      kind: 'approval_decided',
      params: { title: '差旅费 ¥1,200.00', status: 'approved' },
      entity: 'approval_request',
      entityId,
    });
    expect((await inLocale('en')).statusCode).toBe(200);
    const page = (await p.clients.eastManager.get('/api/v1/notifications')).json();
    expect(page.items.find((n: { entityId: string }) => n.entityId === entityId).params.title).toBe('差旅费 ¥1,200.00');
    await inLocale('zh-CN');
  });
});
