import type { DictionaryKind } from '@guanxi/contract';
import type { Executor } from '../../platform/db/client.js';
import { dictionaryEntries } from '../../platform/db/schema/index.js';

export interface DefaultEntry {
  code: string;
  nameZh: string;
  nameEn: string;
}

/**
 * The entries every organization starts with, keeping the codes records, imports and pools' per-level
 * rules used before the dictionaries existed. The migration `*_dictionaries.sql` gives organizations
 * created before it the same rows (and turns industries typed as these Chinese names into the codes):
 * keep both in step.
 */
export const DEFAULT_DICTIONARIES: Record<DictionaryKind, readonly DefaultEntry[]> = {
  source: [
    { code: 'trade_fair', nameZh: '展会', nameEn: 'Trade fair' },
    { code: 'referral', nameZh: '转介绍', nameEn: 'Referral' },
    { code: 'search_engine', nameZh: '搜索引擎', nameEn: 'Search engine' },
    { code: 'advertising', nameZh: '广告', nameEn: 'Advertising' },
    { code: 'online_inquiry', nameZh: '网络咨询', nameEn: 'Online inquiry' },
    { code: 'phone_inquiry', nameZh: '电话咨询', nameEn: 'Phone inquiry' },
    { code: 'cold_visit', nameZh: '陌拜', nameEn: 'Cold visit' },
    { code: 'walk_in', nameZh: '上门', nameEn: 'Walk-in' },
    { code: 'other', nameZh: '其他', nameEn: 'Other' },
  ],
  industry: [
    { code: 'it', nameZh: '信息技术', nameEn: 'Information technology' },
    { code: 'wholesale_retail', nameZh: '批发零售', nameEn: 'Wholesale and retail' },
    { code: 'manufacturing', nameZh: '制造业', nameEn: 'Manufacturing' },
    { code: 'automotive', nameZh: '汽车', nameEn: 'Automotive' },
    { code: 'healthcare', nameZh: '医药健康', nameEn: 'Pharma and health' },
    { code: 'electronics', nameZh: '电子元器件', nameEn: 'Electronic components' },
    { code: 'construction', nameZh: '建筑建材', nameEn: 'Construction and materials' },
    { code: 'food_beverage', nameZh: '食品饮料', nameEn: 'Food and beverage' },
    { code: 'chemicals', nameZh: '化工', nameEn: 'Chemicals' },
    { code: 'logistics', nameZh: '交通物流', nameEn: 'Transport and logistics' },
    { code: 'consulting', nameZh: '咨询服务', nameEn: 'Consulting' },
    { code: 'textiles', nameZh: '纺织服装', nameEn: 'Textiles and apparel' },
    { code: 'home_furnishing', nameZh: '家居', nameEn: 'Home furnishing' },
    { code: 'packaging_printing', nameZh: '包装印刷', nameEn: 'Packaging and printing' },
    { code: 'environmental', nameZh: '环保', nameEn: 'Environmental protection' },
    { code: 'finance', nameZh: '金融', nameEn: 'Finance' },
    { code: 'education', nameZh: '教育', nameEn: 'Education' },
    { code: 'agriculture', nameZh: '农业', nameEn: 'Agriculture' },
    { code: 'other', nameZh: '其他', nameEn: 'Other' },
  ],
  tier: [
    { code: 'A', nameZh: 'A 重点', nameEn: 'A Key' },
    { code: 'B', nameZh: 'B 普通', nameEn: 'B Regular' },
    { code: 'C', nameZh: 'C 非优先', nameEn: 'C Low priority' },
  ],
};

/** Industry code of a built-in industry's Chinese name (the demo data and old free text use the names). */
export const defaultIndustryCode = (nameZh: string): string | null =>
  DEFAULT_DICTIONARIES.industry.find((entry) => entry.nameZh === nameZh)?.code ?? null;

/** A new organization's dictionaries (its organization seed). */
export async function seedDefaultDictionaries(tx: Executor, orgId: string): Promise<void> {
  const rows = Object.entries(DEFAULT_DICTIONARIES).flatMap(([kind, entries]) =>
    entries.map((entry, index) => ({ orgId, kind, ...entry, sortOrder: (index + 1) * 10, builtIn: true })),
  );
  await tx.insert(dictionaryEntries).values(rows).onConflictDoNothing();
}
