import { describe, expect, it } from 'vitest';
import { importPhone, regionOfCountry } from './import-phones.js';

describe('phones read through the country column', () => {
  it('knows country names in English, short forms and Chinese', () => {
    expect(regionOfCountry('USA')).toBe('US');
    expect(regionOfCountry('UK')).toBe('GB');
    expect(regionOfCountry('英国')).toBe('GB');
    expect(regionOfCountry('de')).toBe('DE');
    expect(regionOfCountry('Atlantis')).toBeNull();
  });

  it('reads a national number in its own country and stores it in E.164 form', () => {
    expect(importPhone('2125557818', 'USA')).toMatchObject({ phone: '+12125557818', invalid: null });
    expect(importPhone('(91) 555 94 44', 'Spain').phone).toBe('+34915559444');
    expect(importPhone('+49 69 66 90 2555', 'Germany').phone).toBe('+496966902555');
  });

  it('keeps a Chinese number as typed, also without a country', () => {
    expect(importPhone('021-6666 8888', '中国')).toMatchObject({ phone: '021-6666 8888', invalid: null });
    expect(importPhone('13800138000', null)).toMatchObject({ phone: '13800138000' });
  });

  it('hands back an invalid number as text instead of failing', () => {
    expect(importPhone('26.47.1555', 'France')).toEqual({ phone: null, parsed: null, invalid: '26.47.1555' });
    expect(importPhone('', 'France')).toEqual({ phone: null, parsed: null, invalid: null });
  });
});
