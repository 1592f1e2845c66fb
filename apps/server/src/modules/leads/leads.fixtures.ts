import type { Client } from '../../test/test-app.js';

let sequence = 0;
/** A fresh valid mobile number per call, so leads never collide by accident. */
export const nextMobile = () =>
  `1391${String(Date.now() % 1000).padStart(3, '0')}${String(++sequence).padStart(4, '0')}`;

export interface CreatedLead {
  id: string;
  version: number;
  ownerId: string | null;
  status: string;
}

/** Creates a lead through the API and fails loudly when that does not work. */
export async function createLead(client: Client, body: Record<string, unknown> = {}): Promise<CreatedLead> {
  const response = await client.post('/api/v1/leads', {
    name: `张先生${++sequence}`,
    mobile: nextMobile(),
    source: 'trade_fair',
    ...body,
  });
  if (response.statusCode !== 201) throw new Error(`lead create failed: ${response.statusCode} ${response.body}`);
  return response.json() as CreatedLead;
}

/** A lead pool with the given members; made by a user with `leads.manage`. */
export async function createLeadPool(manager: Client, body: Record<string, unknown> = {}): Promise<string> {
  const response = await manager.post('/api/v1/lead-pools', { name: `展会${++sequence}`, ...body });
  if (response.statusCode !== 201) throw new Error(`lead pool create failed: ${response.statusCode} ${response.body}`);
  return (response.json() as { id: string }).id;
}
