import { beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '@guanxi/contract';
import { usePersonas } from '../../test/file-context.js';
import { errorFieldsOf } from '../../test/responses.js';
import { postCustomer } from '../../test/customer-requests.js';

const { p } = usePersonas({ customersEach: 1 });

const code = (body: string) => body + creditCodeCheckCharacter(body)!;
const idsOf = (body: { items: { id: string }[] }) => body.items.map((c) => c.id);

describe('customer fields of companies and persons', () => {
  it('a company is stored with its credit code, region, size, website and tags', async () => {
    const creditCode = code('91320500MA1X00001');
    const response = await p.clients.r1.post('/api/v1/customers', {
      kind: 'company',
      name: '苏州园区精密机械有限公司',
      creditCode: creditCode.toLowerCase(),
      industry: 'manufacturing',
      scale: '100-499',
      province: '江苏省',
      city: '苏州市',
      district: '吴中区',
      regionCode: '320506',
      address: '星湖街 328 号',
      website: 'https://example.cn',
      tier: 'A',
      source: 'trade_fair',
      tags: ['展会', ' 重点 '],
      remarks: '展会名片',
    });
    expect(response.statusCode).toBe(201);
    const id = response.json().id;
    const stored = (await p.clients.r1.get(`/api/v1/customers/${id}`)).json();
    expect(stored).toMatchObject({
      creditCode,
      scale: '100-499',
      province: '江苏省',
      city: '苏州市',
      district: '吴中区',
      regionCode: '320506',
      website: 'https://example.cn',
      tags: ['展会', '重点'],
      gender: null,
      birthday: null,
    });
  });

  it('a person is stored with gender, birthday and mobile', async () => {
    const response = await postCustomer(p.clients.r1, {
      kind: 'person',
      name: '李女士',
      gender: 'female',
      birthday: '1990-05-17',
      phone: '13600001111',
      tier: 'B',
      source: 'walk_in',
      tags: ['会员'],
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      gender: 'female',
      birthday: '1990-05-17',
      phone: '13600001111',
      duplicateWarnings: [],
    });
  });

  it('a wrong credit-code check character answers 400 naming the field, in Chinese and in English', async () => {
    const good = code('91320500MA1X00002');
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const zh = await postCustomer(p.clients.r1, { kind: 'company', name: '校验位错误公司', creditCode: bad });
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error.fields).toEqual([
      { field: 'creditCode', message: expect.stringContaining('统一社会信用代码') },
    ]);
    expect(zh.json().error.fields[0].message).toContain('校验位');
    const en = await p.clients.r1.request({
      method: 'POST',
      url: '/api/v1/customers',
      headers: { 'accept-language': 'en' },
      payload: { kind: 'company', name: 'Bad check digit Ltd', creditCode: 'ABC' },
    });
    expect(en.statusCode).toBe(400);
    expect(en.json().error.fields[0]).toMatchObject({ field: 'creditCode' });
  });

  it('rejects fields that do not fit the kind, and a landline for a person', async () => {
    const person = await postCustomer(p.clients.r1, {
      kind: 'person',
      name: '张先生',
      creditCode: code('91110000MA00000A1'),
      phone: '021-66668888',
    });
    expect(person.statusCode).toBe(400);
    const fields = errorFieldsOf(person);
    expect(fields).toEqual(['creditCode', 'phone']);
    const company = await p.clients.r1.post('/api/v1/customers', { kind: 'company', name: '某某公司', gender: 'male' });
    expect(company.statusCode).toBe(400);
    expect(company.json().error.fields[0].field).toBe('gender');
  });

  it('rejects a bad email, a bad region code and a birthday in the future', async () => {
    const response = await postCustomer(p.clients.r1, { kind: 'person', name: '王五', email: 'x@', regionCode: '12' });
    expect(response.statusCode).toBe(400);
    expect(errorFieldsOf(response)).toEqual(['email', 'regionCode']);
    const future = await postCustomer(p.clients.r1, { kind: 'person', name: '王六', birthday: '2999-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields[0].field).toBe('birthday');
  });

  it('an edit that changes the kind must leave no field of the other kind behind', async () => {
    const created = (
      await p.clients.r1.post('/api/v1/customers', { kind: 'company', name: '转个人测试公司', scale: '1-19' })
    ).json();
    const wrong = await p.clients.r1.patch(`/api/v1/customers/${created.id}`, {
      kind: 'person',
      version: created.version,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0].field).toBe('scale');
    const right = await p.clients.r1.patch(`/api/v1/customers/${created.id}`, {
      kind: 'person',
      scale: null,
      version: created.version,
    });
    expect(right.statusCode).toBe(200);
    expect(right.json()).toMatchObject({ kind: 'person', scale: null, version: created.version + 1 });
  });
});

describe('customer list filters', () => {
  let tagged: string;
  let other: string;
  beforeAll(async () => {
    tagged = (
      await postCustomer(p.clients.r2, {
        kind: 'company',
        name: '杭州西湖茶叶有限公司',
        industry: 'agriculture',
        scale: '20-99',
        province: '浙江省',
        city: '杭州市',
        district: '西湖区',
        tier: 'C',
        source: 'referral',
        tags: ['茶叶', '老客户'],
      })
    ).json().id;
    other = (
      await postCustomer(p.clients.r2, {
        kind: 'person',
        name: '赵先生',
        gender: 'male',
        province: '浙江省',
        tags: ['茶叶'],
      })
    ).json().id;
  });

  it('filters by industry, region, size, tier, source and kind', async () => {
    for (const filter of [
      'industry=agriculture',
      'province=浙江省&city=杭州市',
      'district=西湖区',
      'scale=20-99',
      'tier=C&source=referral',
      'kind=company&province=浙江省',
    ]) {
      const ids = idsOf((await p.clients.r2.get(`/api/v1/customers?${encodeURI(filter)}`)).json());
      expect(ids, filter).toEqual([tagged]);
    }
    expect(idsOf((await p.clients.r2.get('/api/v1/customers?gender=male')).json())).toEqual([other]);
  });

  it('a tag filter keeps customers carrying every given tag', async () => {
    const one = idsOf((await p.clients.r2.get(`/api/v1/customers?tag=${encodeURIComponent('茶叶')}`)).json());
    expect(one.sort()).toEqual([tagged, other].sort());
    const both = idsOf(
      (
        await p.clients.r2.get(
          `/api/v1/customers?tag=${encodeURIComponent('茶叶')}&tag=${encodeURIComponent('老客户')}`,
        )
      ).json(),
    );
    expect(both).toEqual([tagged]);
  });

  it('filters by created and updated ranges', async () => {
    const future = new Date(Date.now() + 86400_000).toISOString();
    expect(idsOf((await p.clients.r2.get(`/api/v1/customers?createdFrom=${future}`)).json())).toEqual([]);
    const all = idsOf((await p.clients.r2.get(`/api/v1/customers?updatedTo=${future}&limit=200`)).json());
    expect(all).toEqual(expect.arrayContaining([tagged, other]));
    const past = new Date(Date.now() - 86400_000).toISOString();
    expect(idsOf((await p.clients.r2.get(`/api/v1/customers?createdTo=${past}`)).json())).toEqual([]);
  });

  it('filters never widen the scope: another salesperson sees none of these', async () => {
    expect(idsOf((await p.clients.r1.get(`/api/v1/customers?tag=${encodeURIComponent('茶叶')}`)).json())).toEqual([]);
  });

  it('a bad filter value answers 400', async () => {
    expect((await p.clients.r2.get('/api/v1/customers?scale=huge')).statusCode).toBe(400);
    expect((await p.clients.r2.get('/api/v1/customers?createdFrom=yesterday')).statusCode).toBe(400);
  });
});
