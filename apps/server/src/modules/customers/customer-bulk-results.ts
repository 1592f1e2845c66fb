import type { BulkCustomerResult } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors/app-error.js';
import { fieldLabel, translate } from '../../platform/i18n/translate.js';

/** What one record's action came to: done, or waiting for an approver. */
export type RowOutcome = 'done' | 'pending';

/**
 * Runs a bulk action record by record (each in its own transaction, inside `action`) and reports
 * each one (security A6): out-of-scope and unknown ids are `notFound` (no name, nothing written),
 * refusals by a rule are `failed` with the reason in the caller's language. A record that fails
 * leaves the others as they are; anything but a refusal (a database failure) stops the batch.
 */
export async function eachCustomer(
  actor: Actor,
  ids: string[],
  action: (id: string) => Promise<RowOutcome>,
): Promise<BulkCustomerResult> {
  const result: BulkCustomerResult = { done: [], notFound: [], pendingApproval: [], failed: [] };
  for (const id of ids) {
    try {
      if ((await action(id)) === 'pending') result.pendingApproval.push(id);
      else result.done.push(id);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === 'not_found') result.notFound.push(id);
      else result.failed.push({ id, code: error.code, message: messageOf(actor, error) });
    }
  }
  return result;
}

/** The refusal in the caller's language; a field error names the field, as the error handler does. */
function messageOf(actor: Actor, error: AppError): string {
  const { locale } = actor;
  const fields = error.options.fields ?? [];
  if (fields.length === 0) return translate(locale, error.key, error.options.params);
  const separator = locale === 'en' ? ' ' : '';
  return fields
    .map((f) => `${fieldLabel(locale, f.field)}${separator}${translate(locale, f.key, f.params)}`)
    .join(locale === 'en' ? '; ' : '；');
}
