import { isValidMobile, isValidPhone, PHONE_MAX_LENGTH } from '@guanxi/contract';
import type { FormRule } from 'antd';

/** Longest phone text the forms take: the contract's limit, extension included. */
export const PHONE_INPUT_LENGTH = PHONE_MAX_LENGTH;

/**
 * A form rule checking a phone field with the contract's one phone rule (`parsePhone`), so the
 * form accepts exactly what the server accepts: `+86 138 0013 8000`, `021-6666 8888 转8001`, ….
 * `accept: 'mobile'` takes mobile numbers only.
 */
export function phoneRule(message: string, accept: 'phone' | 'mobile' = 'phone'): FormRule {
  const isValid = accept === 'mobile' ? isValidMobile : isValidPhone;
  return {
    message,
    validator: async (_rule, value: unknown) => {
      if (typeof value === 'string' && value.trim() !== '' && !isValid(value)) throw new Error(message);
    },
  };
}
