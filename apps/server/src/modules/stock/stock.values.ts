import { invalidField } from '../../platform/errors/app-error.js';

/** Trimmed text that must not be blank (the schema's minLength lets whitespace through). */
export function requiredText(field: string, text: string | null | undefined): string {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') throw invalidField(field, 'validation.required');
  return trimmed;
}

/** Trimmed optional text; blank becomes null. */
export const optionalText = (text: string | null | undefined): string | null => text?.trim() || null;
