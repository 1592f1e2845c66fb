import { expect } from 'vitest';
import type { Client } from '../../test/test-app.js';

/** A sales process for one department, created by `admin`; fails the test unless it was created. */
export async function createSalesProcess(
  admin: Client,
  body: { name: string; departmentId: string; stages: { name: string; probability: number }[] },
) {
  const created = await admin.post('/api/v1/sales-processes', body);
  expect(created.statusCode, created.body).toBe(201);
  return created.json();
}

/** The id of a live loss reason: the "lost to a competitor" one, or the first other one. */
export async function lossReasonId(client: Client, options: { requiresCompetitor?: boolean } = {}): Promise<string> {
  const response = await client.get('/api/v1/loss-reasons');
  expect(response.statusCode, response.body).toBe(200);
  const reasons: { id: string; requiresCompetitor: boolean; archived: boolean }[] = response.json().items;
  const reason = reasons.find((r) => !r.archived && r.requiresCompetitor === (options.requiresCompetitor ?? false));
  expect(reason).toBeDefined();
  return reason!.id;
}
