import type { CustomerPool } from '@guanxi/contract';
import { describe, expect, it } from 'vitest';
import { notifyUsers } from '../notifications/index.js';
import { ageOwnership, createCustomer, notificationsOf, ownerOf } from '../../test/customer-ownership.js';
import { findReclaimReminders, reclaimNeglectedCustomers, sendReclaimReminders } from './reclaim.jobs.js';
import { usePersonas } from '../../test/file-context.js';

const { ctx, p } = usePersonas({ customersEach: 0 });
const now = new Date();

const reclaim = () => reclaimNeglectedCustomers(ctx.database.db, { orgId: p.orgId, now, notify: notifyUsers });

describe('nightly reclaim', () => {
  it('moves neglected customers into the pool once; a second run moves nothing', async () => {
    const neglected = await createCustomer(p.clients.r1);
    const fresh = await createCustomer(p.clients.r1);
    const followedUp = await createCustomer(p.clients.r1);
    await ageOwnership(ctx, { orgId: p.orgId, customerId: neglected, days: 31 }, now);
    await ageOwnership(ctx, { orgId: p.orgId, customerId: followedUp, days: 60, followUpDaysAgo: 5 }, now);
    expect(await reclaim()).toEqual({ reclaimed: 1 });
    expect(await reclaim()).toEqual({ reclaimed: 0 });
    expect(await ownerOf(p.clients.admin, neglected)).toBeNull();
    expect(await ownerOf(p.clients.admin, fresh)).toBe(p.users.r1.id);
    expect(await ownerOf(p.clients.admin, followedUp)).toBe(p.users.r1.id);
    const ownership = (await p.clients.admin.get(`/api/v1/customers/${neglected}/ownership`)).json();
    expect(ownership).toMatchObject({ ownerId: null, previousOwnerId: p.users.r1.id });
    const events = (await p.clients.admin.get(`/api/v1/customers/${neglected}/ownership-events`)).json().items;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: 'reclaim',
      actorId: null,
      rule: 'pools.reclaim',
      fromUserId: p.users.r1.id,
      reason: 'no_follow_up',
    });
    const told = await notificationsOf(ctx, { orgId: p.orgId, userId: p.users.r1.id, kind: 'pools.reclaimed' });
    expect(told.map((n) => n.entityId)).toEqual([neglected]);
  });

  it('never reclaims a locked customer, and reclaims it once unlocked', async () => {
    const id = await createCustomer(p.clients.r2);
    await p.clients.eastManager.post(`/api/v1/customers/${id}/lock`, {});
    await ageOwnership(ctx, { orgId: p.orgId, customerId: id, days: 200 }, now);
    await reclaim();
    expect(await ownerOf(p.clients.admin, id)).toBe(p.users.r2.id);
    await p.clients.eastManager.post(`/api/v1/customers/${id}/unlock`, {});
    await ageOwnership(ctx, { orgId: p.orgId, customerId: id, days: 200 }, now);
    await reclaim();
    expect(await ownerOf(p.clients.admin, id)).toBeNull();
  });

  it('follows the tier overrides: a C customer goes after 15 days, an A customer stays until 60', async () => {
    const tierC = await createCustomer(p.clients.r3, { tier: 'C' });
    const tierA = await createCustomer(p.clients.r3, { tier: 'A' });
    for (const id of [tierC, tierA])
      await ageOwnership(ctx, { orgId: p.orgId, customerId: id, days: 40, followUpDaysAgo: 16 }, now);
    await reclaim();
    expect(await ownerOf(p.clients.admin, tierC)).toBeNull();
    expect(await ownerOf(p.clients.admin, tierA)).toBe(p.users.r3.id);
  });

  it('reclaims customers not won within 90 days even when followed up, but leaves won customers alone', async () => {
    const unwon = await createCustomer(p.clients.r1, { tier: 'A' });
    const won = await createCustomer(p.clients.r1, { tier: 'A', stage: 'first_purchase' });
    for (const id of [unwon, won])
      await ageOwnership(ctx, { orgId: p.orgId, customerId: id, days: 91, followUpDaysAgo: 1 }, now);
    await reclaim();
    expect(await ownerOf(p.clients.admin, unwon)).toBeNull();
    expect(await ownerOf(p.clients.admin, won)).toBe(p.users.r1.id);
    const events = (await p.clients.admin.get(`/api/v1/customers/${unwon}/ownership-events`)).json().items;
    expect(events[0].reason).toBe('not_won');
  });
});

describe('levels an admin added', () => {
  it('a D customer with 5 days of its own goes after 5 days without follow-up, a C customer (15) stays; the list agrees', async () => {
    const added = await p.clients.admin.post('/api/v1/dictionaries/tier/entries', {
      nameZh: '沉睡',
      nameEn: 'Dormant',
      code: 'D',
    });
    expect(added.statusCode, added.body).toBe(201);
    const pools = (await p.clients.admin.get('/api/v1/customer-pools')).json().items as CustomerPool[];
    const pool = pools.find((candidate) => candidate.isDefault)!;
    const saved = await p.clients.admin.patch(`/api/v1/customer-pools/${pool.id}`, {
      rules: { ...pool.rules, tierNoFollowUpDays: { ...pool.rules.tierNoFollowUpDays, D: 5 } },
      version: pool.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().rules.tierNoFollowUpDays).toEqual({ A: 60, B: 30, C: 15, D: 5 });

    const tierD = await createCustomer(p.clients.r3, { tier: 'D' });
    const tierC = await createCustomer(p.clients.r3, { tier: 'C' });
    for (const id of [tierD, tierC]) await ageOwnership(ctx, { orgId: p.orgId, customerId: id, days: 6 }, now);
    // The customer list's 距回收天数 column: D overdue by a day, C nine days to go.
    const listed = (await p.clients.r3.get('/api/v1/customers?limit=200')).json().items as {
      id: string;
      daysUntilReclaim: number | null;
    }[];
    const daysOf = (id: string) => listed.find((row) => row.id === id)?.daysUntilReclaim;
    expect([daysOf(tierD), daysOf(tierC)]).toEqual([-1, 9]);
    const ownership = (await p.clients.r3.get(`/api/v1/customers/${tierC}/ownership`)).json();
    expect(ownership.daysUntilReclaim).toBe(9);

    await reclaim();
    expect(await ownerOf(p.clients.admin, tierD)).toBeNull();
    expect(await ownerOf(p.clients.admin, tierC)).toBe(p.users.r3.id);
    const events = (await p.clients.admin.get(`/api/v1/customers/${tierD}/ownership-events`)).json().items;
    expect(events[0]).toMatchObject({ kind: 'reclaim', reason: 'no_follow_up' });
  });
});

describe('reclaim reminders', () => {
  it('reminds the owner and their manager 2 days before, once per deadline', async () => {
    const id = await createCustomer(p.clients.r2);
    const later = await createCustomer(p.clients.r2);
    await ageOwnership(ctx, { orgId: p.orgId, customerId: id, days: 28.5 }, now);
    await ageOwnership(ctx, { orgId: p.orgId, customerId: later, days: 20 }, now);
    const reminders = await findReclaimReminders(ctx.database.db, { orgId: p.orgId, now });
    expect(reminders.map((r) => r.customerId)).toEqual([id]);
    expect(reminders[0]).toMatchObject({ daysLeft: 2, userIds: [p.users.r2.id, p.users.eastManager.id] });
    await sendReclaimReminders(ctx.database.db, { orgId: p.orgId, now, notify: notifyUsers });
    await sendReclaimReminders(ctx.database.db, {
      orgId: p.orgId,
      now: new Date(now.getTime() + 3600_000),
      notify: notifyUsers,
    });
    for (const user of [p.users.r2, p.users.eastManager]) {
      const sent = await notificationsOf(ctx, { orgId: p.orgId, userId: user.id, kind: 'pools.reclaimReminder' });
      expect(sent.map((n) => n.entityId)).toEqual([id]);
      expect(sent[0]!.params).toMatchObject({ days: 2 });
    }
  });
});
