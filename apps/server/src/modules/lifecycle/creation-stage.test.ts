import type { ApprovalRule, Stage } from '@guanxi/contract';
import { describe, expect, it } from 'vitest';
import { stagesOpenAtCreation } from './creation-stage.js';
import { DEFAULT_APPROVAL_RULES, DEFAULT_STAGES } from './lifecycle.defaults.js';

const open = (approvalRules: readonly ApprovalRule[], inactive: Stage[] = []) =>
  [
    ...stagesOpenAtCreation({
      stages: DEFAULT_STAGES.map((s) => ({ ...s, active: !inactive.includes(s.code) })),
      approvalRules: [...approvalRules],
    }),
  ].sort();

describe('the stages a new customer may start in', () => {
  it('by default every stage but "lost", which needs approval from any stage', () => {
    expect(open(DEFAULT_APPROVAL_RULES)).toEqual(['first_purchase', 'interested', 'prospect', 'repeat']);
  });

  it('a stage reachable by approval-free moves through another stage stays open, as a user could move there by hand', () => {
    expect(open([{ from: 'prospect', to: 'repeat' }])).toContain('repeat');
    expect(open([{ from: null, to: 'repeat' }])).not.toContain('repeat');
  });

  it('an inactive stage is neither a start nor a way through; the first stage always is', () => {
    expect(open([], ['interested'])).not.toContain('interested');
    expect(open([{ from: 'prospect', to: 'repeat' }], ['interested', 'first_purchase', 'lost'])).toEqual(['prospect']);
    expect(open([{ from: null, to: 'interested' }], ['prospect'])).toEqual([
      'first_purchase',
      'lost',
      'prospect',
      'repeat',
    ]);
  });
});
