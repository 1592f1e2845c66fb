import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../test/demo-organization.js';
import { useDemoContext } from '../../test/demo-context.js';

const ctx = useDemoContext({ customerCount: 40 });

describe('customer value: demo data', () => {
  it('the demo pyramid is computed at seeding, so finance sees it before the first night', async () => {
    const finance = await ctx.login('finance', DEMO_PASSWORD);
    const pyramid = (await finance.get('/api/v1/reports/customer-pyramid')).json();
    expect(pyramid.computedAt).not.toBeNull();
    expect(pyramid.tiers.map((tier: { tier: string }) => tier.tier)).toEqual(['platinum', 'gold', 'iron', 'lead']);
  });
});
