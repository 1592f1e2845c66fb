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
