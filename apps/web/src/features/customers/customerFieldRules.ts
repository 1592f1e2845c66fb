import type { CustomerKind } from '@guanxi/contract';
import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
import { phoneRule } from '../../platform/phoneRules';
import type { EditableField } from './customerFields';

const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/i;
const WEBSITE = /^(https?:\/\/)?[^\s/$.?#][^\s]*$/;

/**
 * The customer form's client rules, for a company or a person: they catch typos early; the server
 * remains the judge. A person's phone is a mobile number, a company's any phone number.
 */
export function customerFieldRules(t: TFunction, kind: CustomerKind): Partial<Record<EditableField, FormRule[]>> {
  return {
    name: [{ required: true, whitespace: true, message: t('customer.nameRequired') }],
    phone: [
      kind === 'person' ? phoneRule(t('customer.mobileInvalid'), 'mobile') : phoneRule(t('customer.phoneInvalid')),
    ],
    email: [{ type: 'email', message: t('customer.emailInvalid') }],
    creditCode: [{ pattern: CREDIT_CODE, message: t('customer.creditCodeInvalid') }],
    website: [{ pattern: WEBSITE, message: t('customer.websiteInvalid') }],
  };
}
