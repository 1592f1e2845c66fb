import type { DuplicateQuery } from '@guanxi/contract';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import type { CustomerFormValues } from './customerFields';
import { useDuplicateCheck } from './customers.queries';

const KEYS = ['name', 'phone', 'email', 'creditCode'] as const;
/** The shortest values worth asking about (the API's own minimums). */
const MIN_LENGTH = { name: 2, phone: 3, email: 3, creditCode: 1 } as const;

/**
 * Runs the duplicate check with the form's current name / phone / email / credit code whenever
 * one of them loses focus; `check` is the onBlur handler.
 */
export function useDuplicateOnBlur(form: FormInstance<CustomerFormValues>, excludeId?: string) {
  const [query, setQuery] = useState<DuplicateQuery>({});
  const result = useDuplicateCheck(query);

  const check = () => {
    const values = form.getFieldsValue(KEYS as unknown as (keyof CustomerFormValues)[]);
    const next: DuplicateQuery = excludeId ? { excludeId } : {};
    for (const key of KEYS) {
      const value = typeof values[key] === 'string' ? values[key].trim() : '';
      if (value.length >= MIN_LENGTH[key]) next[key] = value;
    }
    setQuery(next);
  };

  return { check, matches: result.data ?? [] };
}
