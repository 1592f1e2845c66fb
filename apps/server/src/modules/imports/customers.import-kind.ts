import { customerFieldAccess, normalizeCreditCode } from '@guanxi/contract';
import { normalizeEmail, normalizeName, normalizePhone } from '../../platform/search/text-normalization.js';
import type { ImportFieldSpec, ImportKind } from './import-kind.js';
import { customerKindOptions, genderOptions, scaleOptions, sourceOptions, tierOptions } from './import-options.js';
import { importCustomerRows } from './customers.import-rows.js';

const label = (key: string) => `imports.customers.field.${key}`;
const text = (key: string, maxLength: number, synonyms: string[], required = false): ImportFieldSpec => ({
  key,
  type: 'text',
  labelKey: label(key),
  maxLength,
  synonyms,
  required,
});

/** Customer fields as the mapping screen offers them, with the header spellings of common exports. */
export const CUSTOMER_IMPORT_FIELDS: readonly ImportFieldSpec[] = [
  text(
    'name',
    100,
    [
      '客户名称',
      '公司名称',
      '客户名',
      '企业名称',
      '单位名称',
      '名称',
      '姓名',
      '客户',
      'customer name',
      'customername',
      'company name',
      'company',
      'account name',
      'name',
    ],
    true,
  ),
  {
    key: 'externalId',
    type: 'text',
    labelKey: label('externalId'),
    maxLength: 100,
    synonyms: ['客户编号', '客户ID', 'customer id', 'customer no', 'customer number', 'account id'],
  },
  {
    key: 'kind',
    type: 'enum',
    labelKey: label('kind'),
    options: customerKindOptions,
    synonyms: ['客户类型', '类型', '客户性质', 'customer type', 'type', 'kind'],
  },
  {
    key: 'phone',
    type: 'phone',
    labelKey: label('phone'),
    synonyms: [
      '电话',
      '手机',
      '手机号',
      '联系电话',
      '电话号码',
      '座机',
      '固话',
      'tel',
      'telephone',
      'phone number',
      'mobile',
      'phone',
    ],
  },
  {
    key: 'email',
    type: 'email',
    labelKey: label('email'),
    synonyms: ['邮箱', '电子邮箱', '电子邮件', 'e-mail', 'mail', 'email address'],
  },
  text('creditCode', 18, [
    '统一社会信用代码',
    '信用代码',
    '社会信用代码',
    '税号',
    '纳税人识别号',
    'credit code',
    'uscc',
    'tax id',
  ]),
  text('industry', 50, ['行业', '所属行业', 'industry', 'sector']),
  {
    key: 'scale',
    type: 'enum',
    labelKey: label('scale'),
    options: scaleOptions,
    synonyms: ['规模', '人员规模', '公司规模', '员工人数', 'size', 'employees', 'company size'],
  },
  text('website', 200, ['网址', '网站', '官网', '公司网站', 'website', 'web', 'url', 'homepage']),
  {
    key: 'gender',
    type: 'enum',
    labelKey: label('gender'),
    options: genderOptions,
    synonyms: ['性别', 'gender', 'sex'],
  },
  {
    key: 'birthday',
    type: 'date',
    labelKey: label('birthday'),
    synonyms: ['生日', '出生日期', 'birthday', 'date of birth', 'dob'],
  },
  {
    key: 'tier',
    type: 'enum',
    labelKey: label('tier'),
    options: tierOptions,
    synonyms: ['客户等级', '等级', '级别', '客户级别', '分级', 'tier', 'level', 'rating', 'class'],
  },
  {
    key: 'source',
    type: 'enum',
    labelKey: label('source'),
    options: sourceOptions,
    synonyms: ['来源', '客户来源', '渠道', '获客渠道', 'source', 'lead source', 'channel'],
  },
  { key: 'tags', type: 'tags', labelKey: label('tags'), synonyms: ['标签', '客户标签', 'tags', 'labels'] },
  text('province', 50, ['省份', '省', '所在省', 'province', 'state']),
  text('city', 50, ['城市', '市', '所在城市', 'city']),
  text('district', 50, ['区县', '区', '县', 'district', 'county']),
  text('address', 200, ['地址', '详细地址', '公司地址', '联系地址', 'address', 'street']),
  text('remarks', 2000, ['备注', '说明', '描述', 'remarks', 'notes', 'note', 'comment', 'description']),
  {
    key: 'ownerId',
    type: 'user',
    labelKey: label('ownerId'),
    synonyms: [
      '负责人',
      '所属人',
      '业务员',
      '销售',
      '销售员',
      '客户经理',
      'owner',
      'sales rep',
      'salesperson',
      'account owner',
      'assigned to',
    ],
  },
];

/** Keys a customer row is matched by: the duplicate rules' exact keys and the normalized name. */
export function customerMatchKeys(values: {
  phone?: string | null | undefined;
  email?: string | null | undefined;
  creditCode?: string | null | undefined;
  name?: string | null | undefined;
}) {
  return {
    phone: normalizePhone(values.phone).e164,
    email: values.email ? normalizeEmail(values.email) : null,
    creditCode: values.creditCode ? normalizeCreditCode(values.creditCode) : null,
    name: values.name ? normalizeName(values.name) : null,
  };
}

/** A protected customer field (phone, email, address, remarks) the importer may not write. */
export const isReadOnlyForImporter = (permissions: Parameters<typeof customerFieldAccess>[0], field: string) =>
  customerFieldAccess(permissions, field) !== 'edit';

export const customersImportKind: ImportKind = {
  name: 'customers',
  permission: 'customers.import',
  assignPermission: 'customers.assign',
  labelKey: 'imports.customers.label',
  fields: CUSTOMER_IMPORT_FIELDS,
  messages: {
    en: {
      'imports.customers.label': 'Customers',
      'imports.customers.field.name': 'Customer name',
      'imports.customers.field.externalId': 'External id',
      'imports.customers.field.kind': 'Customer type',
      'imports.customers.field.phone': 'Phone',
      'imports.customers.field.email': 'Email',
      'imports.customers.field.creditCode': 'Unified social credit code',
      'imports.customers.field.industry': 'Industry',
      'imports.customers.field.scale': 'Company size',
      'imports.customers.field.website': 'Website',
      'imports.customers.field.gender': 'Gender',
      'imports.customers.field.birthday': 'Birthday',
      'imports.customers.field.tier': 'Tier',
      'imports.customers.field.source': 'Source',
      'imports.customers.field.tags': 'Tags',
      'imports.customers.field.province': 'Province',
      'imports.customers.field.city': 'City',
      'imports.customers.field.district': 'District',
      'imports.customers.field.address': 'Address',
      'imports.customers.field.remarks': 'Remarks',
      'imports.customers.field.ownerId': 'Owner',
      'imports.customers.error.notForKind': '{field} does not apply to this customer type',
      'imports.customers.error.duplicateKey': '{field} is already used by customer “{value}”',
      'imports.customers.error.readOnly': 'your role may not write {field}',
    },
    zhCN: {
      'imports.customers.label': '客户',
      'imports.customers.field.name': '客户名称',
      'imports.customers.field.externalId': '外部编号',
      'imports.customers.field.kind': '客户类型',
      'imports.customers.field.phone': '电话',
      'imports.customers.field.email': '邮箱',
      'imports.customers.field.creditCode': '统一社会信用代码',
      'imports.customers.field.industry': '行业',
      'imports.customers.field.scale': '公司规模',
      'imports.customers.field.website': '网址',
      'imports.customers.field.gender': '性别',
      'imports.customers.field.birthday': '生日',
      'imports.customers.field.tier': '客户等级',
      'imports.customers.field.source': '来源',
      'imports.customers.field.tags': '标签',
      'imports.customers.field.province': '省份',
      'imports.customers.field.city': '城市',
      'imports.customers.field.district': '区县',
      'imports.customers.field.address': '地址',
      'imports.customers.field.remarks': '备注',
      'imports.customers.field.ownerId': '负责人',
      'imports.customers.error.notForKind': '{field}不适用于该客户类型',
      'imports.customers.error.duplicateKey': '{field}已被客户“{value}”使用',
      'imports.customers.error.readOnly': '您的角色无权填写{field}',
    },
  },
  importBatch: importCustomerRows,
};
