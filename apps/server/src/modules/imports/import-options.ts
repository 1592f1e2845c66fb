import { CUSTOMER_KINDS, GENDERS, SCALES, SOURCES, TIERS } from '@guanxi/contract';
import { DEFAULT_DICTIONARIES } from '../dictionaries/index.js';
import type { ImportFieldOptionSpec } from './import-kind.js';

/**
 * Enumerations several kinds share (customers and leads both have a source), with the spellings
 * old CRMs and ERPs export for them. Labels live in {@link importOptionMessages}.
 */

const SOURCE_SYNONYMS: Record<(typeof SOURCES)[number], string[]> = {
  trade_fair: ['展会', '展览会', '会展', 'exhibition', 'trade show', 'fair', 'expo'],
  referral: ['转介绍', '介绍', '老客户介绍', '客户介绍', '推荐', 'recommendation'],
  search_engine: ['搜索引擎', '百度', '搜索', 'baidu', 'google', 'seo', 'sem'],
  advertising: ['广告', '广告投放', 'ads', 'ad'],
  online_inquiry: ['网络咨询', '在线咨询', '官网', '网站', '网络', 'website', 'web', 'online'],
  phone_inquiry: ['电话咨询', '来电', '电话', 'phone', 'call', 'inbound call'],
  cold_visit: ['陌拜', '陌生拜访', '地推', 'cold call', 'visit'],
  walk_in: ['上门', '自然到店', '到店', '门店', 'walk in', 'store'],
  other: ['其他', '其它', 'others', 'misc'],
};

export const sourceOptions: ImportFieldOptionSpec[] = SOURCES.map((value) => ({
  value,
  labelKey: `imports.option.source.${value}`,
  synonyms: SOURCE_SYNONYMS[value],
}));

export const tierOptions: ImportFieldOptionSpec[] = TIERS.map((value) => ({
  value,
  labelKey: `imports.option.tier.${value}`,
  synonyms: [`${value}类`, `${value}级`, `${value}类客户`, `${value}级客户`, `tier ${value}`],
}));

/**
 * The built-in industries; the organization's dictionary replaces them per import
 * (`withDictionaryOptions`). Old files' free text maps onto an entry through the value map.
 */
export const industryOptions: ImportFieldOptionSpec[] = DEFAULT_DICTIONARIES.industry.map((entry) => ({
  value: entry.code,
  labelKey: '',
  names: { en: entry.nameEn, zh: entry.nameZh },
}));

export const scaleOptions: ImportFieldOptionSpec[] = SCALES.map((value) => ({
  value,
  labelKey: `imports.option.scale.${value}`,
  synonyms: [`${value}人`, value.replace('+', '人以上'), value.replace('-', '~')],
}));

export const genderOptions: ImportFieldOptionSpec[] = GENDERS.map((value) => ({
  value,
  labelKey: `imports.option.gender.${value}`,
  synonyms: { male: ['男', 'm', '先生'], female: ['女', 'f', '女士'], unknown: ['未知', '保密', 'u'] }[value],
}));

export const customerKindOptions: ImportFieldOptionSpec[] = CUSTOMER_KINDS.map((value) => ({
  value,
  labelKey: `imports.option.customerKind.${value}`,
  synonyms: {
    company: ['公司', '企业', '企业客户', '单位', 'b2b', 'business', 'organization', 'organisation'],
    person: ['个人', '个人客户', '自然人', 'b2c', 'individual', 'consumer', 'private'],
  }[value],
}));

const en: Record<string, string> = {
  'imports.option.source.trade_fair': 'Trade fair',
  'imports.option.source.referral': 'Referral',
  'imports.option.source.search_engine': 'Search engine',
  'imports.option.source.advertising': 'Advertising',
  'imports.option.source.online_inquiry': 'Online inquiry',
  'imports.option.source.phone_inquiry': 'Phone inquiry',
  'imports.option.source.cold_visit': 'Cold visit',
  'imports.option.source.walk_in': 'Walk-in',
  'imports.option.source.other': 'Other',
  'imports.option.tier.A': 'A (key)',
  'imports.option.tier.B': 'B (regular)',
  'imports.option.tier.C': 'C (small)',
  'imports.option.scale.1-19': '1–19 people',
  'imports.option.scale.20-99': '20–99 people',
  'imports.option.scale.100-499': '100–499 people',
  'imports.option.scale.500-999': '500–999 people',
  'imports.option.scale.1000+': '1000 people or more',
  'imports.option.gender.male': 'Male',
  'imports.option.gender.female': 'Female',
  'imports.option.gender.unknown': 'Unknown',
  'imports.option.customerKind.company': 'Company',
  'imports.option.customerKind.person': 'Person',
};

const zhCN: Record<keyof typeof en, string> = {
  'imports.option.source.trade_fair': '展会',
  'imports.option.source.referral': '转介绍',
  'imports.option.source.search_engine': '搜索引擎',
  'imports.option.source.advertising': '广告',
  'imports.option.source.online_inquiry': '网络咨询',
  'imports.option.source.phone_inquiry': '电话咨询',
  'imports.option.source.cold_visit': '陌生拜访',
  'imports.option.source.walk_in': '自然到店',
  'imports.option.source.other': '其他',
  'imports.option.tier.A': 'A 类（重点）',
  'imports.option.tier.B': 'B 类（普通）',
  'imports.option.tier.C': 'C 类（小客户）',
  'imports.option.scale.1-19': '1–19 人',
  'imports.option.scale.20-99': '20–99 人',
  'imports.option.scale.100-499': '100–499 人',
  'imports.option.scale.500-999': '500–999 人',
  'imports.option.scale.1000+': '1000 人以上',
  'imports.option.gender.male': '男',
  'imports.option.gender.female': '女',
  'imports.option.gender.unknown': '未知',
  'imports.option.customerKind.company': '企业',
  'imports.option.customerKind.person': '个人',
};

export const importOptionMessages = { en, zhCN };
