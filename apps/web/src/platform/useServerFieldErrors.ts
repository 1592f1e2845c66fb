import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { isApiError } from './api';

/**
 * Shows an API error on a form: field errors next to their fields (the server is the final
 * judge of validity), anything else as a message.
 */
export function useServerFieldErrors(form: FormInstance) {
  const { message } = App.useApp();
  return useCallback(
    (error: unknown) => {
      if (isApiError(error) && error.fields && error.fields.length > 0) {
        form.setFields(
          error.fields.map(({ field, message: text }) => ({
            // Servers may name nested fields "a.b" or "/a/b"; the forms here are flat.
            name: field.replace(/^\//, '').split(/[./]/)[0] ?? field,
            errors: [text],
          })),
        );
      }
      void message.error(error instanceof Error ? error.message : String(error));
    },
    [form, message],
  );
}
