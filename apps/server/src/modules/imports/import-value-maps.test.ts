import { describe, expect, it } from 'vitest';
import { PAYMENT_METHODS } from '@guanxi/contract';
import { DEFAULT_FOLLOW_UP_TYPES } from '../follow-ups/index.js';
import { mapFollowUpType, mapPaymentMethod } from './import-value-maps.js';

describe('payment method value map', () => {
  it('knows the methods by code, English and Chinese words', () => {
    expect(mapPaymentMethod('Bank Transfer', PAYMENT_METHODS)).toBe('bank_transfer');
    expect(mapPaymentMethod('银行承兑汇票', PAYMENT_METHODS)).toBe('acceptance_bill');
    expect(mapPaymentMethod('支付宝', PAYMENT_METHODS)).toBe('alipay');
    expect(mapPaymentMethod('CHECK', PAYMENT_METHODS)).toBe('cheque');
    expect(mapPaymentMethod('wechat', PAYMENT_METHODS)).toBe('wechat');
  });

  it("takes the user's map first, an empty cell as other, and refuses an unknown word", () => {
    expect(mapPaymentMethod('Cash', PAYMENT_METHODS, { cash: 'card' })).toBe('card');
    expect(mapPaymentMethod(' ', PAYMENT_METHODS)).toBe('other');
    expect(mapPaymentMethod('bitcoin', PAYMENT_METHODS)).toBeNull();
    expect(mapPaymentMethod('bitcoin', PAYMENT_METHODS, { bitcoin: 'crypto' })).toBeNull();
  });
});

describe('follow-up type value map', () => {
  it("knows the organization's types by code and by name in both languages, and common synonyms", () => {
    expect(mapFollowUpType('电话', DEFAULT_FOLLOW_UP_TYPES)).toBe('call');
    expect(mapFollowUpType('Phone call', DEFAULT_FOLLOW_UP_TYPES)).toBe('call');
    expect(mapFollowUpType('上门拜访', DEFAULT_FOLLOW_UP_TYPES)).toBe('visit');
    expect(mapFollowUpType('WeChat', DEFAULT_FOLLOW_UP_TYPES)).toBe('wechat');
    expect(mapFollowUpType('', DEFAULT_FOLLOW_UP_TYPES)).toBe('other');
  });

  it('never maps to an inactive type and refuses an unknown word', () => {
    const types = DEFAULT_FOLLOW_UP_TYPES.map((t) => (t.code === 'sms' ? { ...t, active: false } : t));
    expect(mapFollowUpType('短信', types)).toBeNull();
    expect(mapFollowUpType('smoke signal', types)).toBeNull();
    expect(mapFollowUpType('smoke signal', types, { 'Smoke signal': 'other' })).toBe('other');
  });
});
