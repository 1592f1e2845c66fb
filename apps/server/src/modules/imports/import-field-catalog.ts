import type { ImportFieldType, ImportKindName } from '@guanxi/contract';
import type { MessageCatalog } from '../../platform/i18n/index.js';
import type { ImportFieldSpec } from './import-kind.js';

/** One field as a kind writes it down: its spec and its texts in both languages, side by side. */
export interface FieldDefinition {
  key: string;
  type: ImportFieldType;
  required?: boolean;
  maxLength?: number;
  en: string;
  zh: string;
  hintEn?: string;
  hintZh?: string;
  /** Header spellings besides the two labels: Chinese, English, ERP column names. */
  synonyms?: readonly string[];
  options?: readonly { value: string; en: string; zh: string; synonyms?: readonly string[] }[];
}

/**
 * The fields and the message catalog of a kind from one list, so a label cannot exist in one
 * language only: keys `imports.<kind>.field.<key>`, `….hint.<key>`, `….option.<key>.<value>`.
 */
export function defineFields(
  kind: ImportKindName,
  label: { en: string; zh: string },
  definitions: readonly FieldDefinition[],
  extra: { en: Record<string, string>; zhCN: Record<string, string> } = { en: {}, zhCN: {} },
): { fields: ImportFieldSpec[]; messages: MessageCatalog } {
  const en: Record<string, string> = { [`imports.${kind}.label`]: label.en, ...extra.en };
  const zhCN: Record<string, string> = { [`imports.${kind}.label`]: label.zh, ...extra.zhCN };
  const fields = definitions.map((d): ImportFieldSpec => {
    const labelKey = `imports.${kind}.field.${d.key}`;
    en[labelKey] = d.en;
    zhCN[labelKey] = d.zh;
    let hintKey: string | undefined;
    if (d.hintEn && d.hintZh) {
      hintKey = `imports.${kind}.hint.${d.key}`;
      en[hintKey] = d.hintEn;
      zhCN[hintKey] = d.hintZh;
    }
    const options = d.options?.map((o) => {
      const optionKey = `imports.${kind}.option.${d.key}.${o.value}`;
      en[optionKey] = o.en;
      zhCN[optionKey] = o.zh;
      return { value: o.value, labelKey: optionKey, synonyms: o.synonyms ?? [] };
    });
    return {
      key: d.key,
      type: d.type,
      labelKey,
      synonyms: d.synonyms ?? [],
      ...(d.required ? { required: true } : {}),
      ...(d.maxLength ? { maxLength: d.maxLength } : {}),
      ...(hintKey ? { hintKey } : {}),
      ...(options ? { options } : {}),
    };
  });
  return { fields, messages: { en, zhCN } };
}

/** The external id field every kind has; the engine adds the common header spellings to it. */
export const externalIdField = (en: string, zh: string): FieldDefinition => ({
  key: 'externalId',
  type: 'text',
  maxLength: 100,
  en,
  zh,
  hintEn:
    'The record’s id in the old system; importing the file again updates or skips it instead of creating it twice.',
  hintZh: '原系统中的编号；再次导入同一文件时据此更新或跳过，不会重复创建。',
});

/** How an order, a payment or a follow-up names its customer: external id, customer number or name. */
export const CUSTOMER_REFERENCE_FIELDS: readonly FieldDefinition[] = [
  {
    key: 'customerExternalId',
    type: 'text',
    maxLength: 100,
    en: 'Customer external ID',
    zh: '客户外部编号',
    synonyms: ['客户外部ID', '原客户编号', 'Customer External ID', 'Customer ID', 'CUSTOMERID', 'Account ID'],
  },
  {
    key: 'customerNo',
    type: 'text',
    maxLength: 32,
    en: 'Customer No.',
    zh: '客户编号',
    synonyms: ['客户编码', '客户代码', 'Customer No', 'Customer Number', 'Customer Code', 'CUSTOMERNUMBER'],
  },
  {
    key: 'customerName',
    type: 'text',
    maxLength: 200,
    en: 'Customer name',
    zh: '客户名称',
    hintEn: 'Matched by external ID first, then customer number, then exact name.',
    hintZh: '依次按客户外部编号、客户编号、客户全称匹配。',
    synonyms: [
      '客户',
      '客户全称',
      '公司名称',
      '单位名称',
      '购货单位',
      'Customer',
      'Customer Name',
      'CUSTOMERNAME',
      'Account',
      'Company',
    ],
  },
];
