import { ATTACHMENT_MAX_BYTES } from '@guanxi/contract';
import type { TFunction } from 'i18next';
import { isApiError } from './api';

export const ATTACHMENT_MAX_MB = ATTACHMENT_MAX_BYTES / 1024 / 1024;
/** Mirrors the server's allow-list (ATTACHMENT_EXTENSIONS) so the file dialog offers only those. */
export const ATTACHMENT_ACCEPT = '.jpg,.jpeg,.png,.gif,.webp,.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.txt,.csv';

/**
 * A failed upload as a message naming the file: the server's 413/415 texts do not say which
 * file was refused, and a form may send several.
 */
export function attachmentErrorText(t: TFunction, name: string, error: unknown): string {
  if (isApiError(error) && error.status === 413) return t('followUp.tooLarge', { name, size: ATTACHMENT_MAX_MB });
  if (isApiError(error) && error.status === 415) return t('followUp.badType', { name });
  return t('followUp.uploadFailed', { name, error: error instanceof Error ? error.message : String(error) });
}
