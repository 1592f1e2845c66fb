import { Modal, type FormInstance, type ModalProps } from 'antd';

export type FormModalProps = Omit<ModalProps, 'onOk' | 'onCancel' | 'confirmLoading' | 'destroyOnHidden'> & {
  /** The form inside; OK submits it, so its `onFinish` does the saving. */
  form: FormInstance;
  /** Whether the save is running (OK shows its spinner). */
  saving: boolean;
  onClose: () => void;
  /** The OK button's `data-testid`. */
  okTestId?: string;
  /** OK as a danger button (a destructive decision). */
  danger?: boolean;
};

/**
 * A Modal around one form: OK submits the form, Cancel and the close icon call `onClose`, and the
 * content is dropped when hidden so the next opening starts from fresh values.
 */
export function FormModal({ form, saving, onClose, okTestId, danger, okButtonProps, ...modal }: FormModalProps) {
  return (
    <Modal
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okButtonProps={{
        ...(danger === undefined ? {} : { danger }),
        ...(okTestId === undefined ? {} : { 'data-testid': okTestId }),
        ...okButtonProps,
      }}
      destroyOnHidden
      {...modal}
    />
  );
}
