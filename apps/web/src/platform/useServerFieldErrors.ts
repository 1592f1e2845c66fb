import { App, Form, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from './api';

/**
 * Shows an API error on a form: field errors next to their fields (the server is the final
 * judge of validity), anything else as a message. `aliases` maps API field names to form fields
 * where the form holds another representation (yuan typed in `amount` is sent as `amountFen`).
 */
export function useServerFieldErrors(form: FormInstance, aliases?: Readonly<Record<string, string>>) {
  const { message } = App.useApp();
  return useCallback(
    (error: unknown) => {
      if (isApiError(error) && error.fields && error.fields.length > 0) {
        form.setFields(
          error.fields.map(({ field, message: text }) => {
            // Servers may name nested fields "a.b" or "/a/b"; the forms here are flat.
            const name = field.replace(/^\//, '').split(/[./]/)[0] ?? field;
            return { name: aliases?.[name] ?? name, errors: [text] };
          }),
        );
      }
      void message.error(error instanceof Error ? error.message : String(error));
    },
    [form, message, aliases],
  );
}

/**
 * What an edit form's component starts with: the translator, antd's message API, the form and
 * `showServerErrors` for the save's `onError` (see `useServerFieldErrors` for `aliases`).
 */
export function useEditForm<Values>(aliases?: Readonly<Record<string, string>>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showServerErrors = useServerFieldErrors(form, aliases);
  return { t, message, form, showServerErrors };
}
