import { defineFields, type FieldDefinition } from './import-field-catalog.js';
import { ORDER_FIELD_DEFINITIONS, ORDER_MESSAGES_EXTRA } from './orders.import-fields.js';
import { LIST_PRICE, PRODUCT_CATEGORY, PRODUCT_NAME } from './products.import-fields.js';

/** What a flat sales file says about the customer, the contact and the product besides the order. */
const EXTRA: readonly FieldDefinition[] = [
  {
    key: 'productName',
    ...PRODUCT_NAME,
    hintEn: 'For new products; defaults to the code.',
    hintZh: '用于新建产品；为空时取产品编码。',
  },
  { key: 'productCategory', ...PRODUCT_CATEGORY },
  {
    key: 'listPrice',
    ...LIST_PRICE,
    hintEn: 'For new products; defaults to the line’s unit price.',
    hintZh: '用于新建产品；为空时取该行单价。',
  },
  {
    key: 'customerPhone',
    type: 'text',
    maxLength: 40,
    en: 'Customer phone',
    zh: '客户电话',
    hintEn:
      'Read in the row’s country. A number that is not valid does not stop the row: it is kept in the customer’s remarks.',
    hintZh: '按该行国家解析。无效号码不影响导入，原文保存在客户备注中。',
    synonyms: ['电话', '联系电话', '公司电话', '座机', 'Phone', 'PHONE', 'Telephone', 'Tel'],
  },
  {
    key: 'addressLine1',
    type: 'text',
    maxLength: 200,
    en: 'Address',
    zh: '地址',
    synonyms: ['详细地址', '街道地址', '地址1', 'Address', 'ADDRESSLINE1', 'Address Line 1', 'Street'],
  },
  {
    key: 'addressLine2',
    type: 'text',
    maxLength: 200,
    en: 'Address line 2',
    zh: '地址2',
    synonyms: ['ADDRESSLINE2', 'Address Line 2'],
  },
  { key: 'city', type: 'text', maxLength: 50, en: 'City', zh: '城市', synonyms: ['市', '所在城市', 'CITY', 'Town'] },
  {
    key: 'state',
    type: 'text',
    maxLength: 50,
    en: 'Province / state',
    zh: '省份',
    synonyms: ['省', '省/州', '州', 'State', 'STATE', 'Province', 'Region'],
  },
  {
    key: 'postalCode',
    type: 'text',
    maxLength: 20,
    en: 'Postal code',
    zh: '邮编',
    synonyms: ['邮政编码', 'Postal Code', 'POSTALCODE', 'ZIP', 'Zip Code', 'Postcode'],
  },
  {
    key: 'country',
    type: 'text',
    maxLength: 50,
    en: 'Country',
    zh: '国家',
    synonyms: ['国家/地区', 'Country', 'COUNTRY', 'Nation'],
  },
  {
    key: 'contactName',
    type: 'text',
    maxLength: 50,
    en: 'Contact name',
    zh: '联系人',
    synonyms: ['联系人姓名', '联系人名称', 'Contact', 'Contact Name', 'CONTACTNAME'],
  },
  {
    key: 'contactFirstName',
    type: 'text',
    maxLength: 50,
    en: 'Contact first name',
    zh: '联系人名',
    synonyms: ['名', 'First Name', 'CONTACTFIRSTNAME', 'Given Name'],
  },
  {
    key: 'contactLastName',
    type: 'text',
    maxLength: 50,
    en: 'Contact last name',
    zh: '联系人姓',
    synonyms: ['姓', 'Last Name', 'CONTACTLASTNAME', 'Surname', 'Family Name'],
  },
  {
    key: 'ownerId',
    type: 'user',
    en: 'Owner of new customers',
    zh: '新客户负责人',
    synonyms: ['负责人', '销售员', '业务员', 'Owner', 'Sales Rep', 'Salesperson'],
  },
];

const SALES_MESSAGES = {
  en: {
    ...ORDER_MESSAGES_EXTRA.en,
    'imports.sales_lines.invalidPhoneRemark': 'Phone as imported (not a valid number): {phone}',
    'imports.sales_lines.duplicatePhoneRemark': 'Phone as imported (another customer has this number): {phone}',
  },
  zhCN: {
    ...ORDER_MESSAGES_EXTRA.zhCN,
    'imports.sales_lines.invalidPhoneRemark': '导入时的电话（号码无效）：{phone}',
    'imports.sales_lines.duplicatePhoneRemark': '导入时的电话（与其他客户重复）：{phone}',
  },
};

/** The order fields, with the customer name long enough to create a customer from. */
const orderFields = ORDER_FIELD_DEFINITIONS.map((f) => (f.key === 'customerName' ? { ...f, maxLength: 100 } : f));

const { fields, messages } = defineFields(
  'sales_lines',
  { en: 'Sales lines (orders, customers and products in one file)', zh: '销售明细（订单、客户、产品一次导入）' },
  [...orderFields, ...EXTRA],
  SALES_MESSAGES,
);
export const SALES_LINE_FIELDS = fields;
export const salesLinesImportMessages = messages;
