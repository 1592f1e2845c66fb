import { describe, expect, it } from 'vitest';
import { SimilarNameIndex } from './similar-names.js';

describe('similar names among the rows of one file (domain §4)', () => {
  const indexOf = (names: Record<string, string>) => {
    const index = new SimilarNameIndex();
    for (const [id, name] of Object.entries(names)) index.add(id, name);
    return index;
  };
  const always = () => true;

  it('finds the same company written another way, the best one first', () => {
    const index = indexOf({ a: '上海明达贸易有限公司', b: '杭州新星光电有限公司', c: '明达五金' });
    expect(index.findSimilar('明达贸易（上海）有限公司', 60, always)).toEqual({ id: 'a', similarity: 0.8 });
    expect(index.findSimilar('成都蓝天餐饮有限公司', 60, always)).toBeNull();
  });

  it('counts one name inside the other, in both directions', () => {
    const index = indexOf({ long: '华为技术有限公司', short: '蓝天' });
    expect(index.findSimilar('华为', 60, always)?.id).toBe('long');
    expect(index.findSimilar('成都蓝天餐饮', 60, always)?.id).toBe('short');
  });

  it('follows the threshold and skips rows that were rolled back', () => {
    const index = indexOf({ a: '北京华为科技有限公司' });
    expect(index.findSimilar('华为科技（北京）有限公司', 90, always)).toBeNull();
    expect(index.findSimilar('华为科技（北京）有限公司', 60, (id) => id !== 'a')).toBeNull();
  });
});
