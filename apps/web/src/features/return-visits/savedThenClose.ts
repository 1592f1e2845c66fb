import type { App } from 'antd';

type MessageInstance = ReturnType<typeof App.useApp>['message'];

/** A dialog's save options: say it worked and close, or put the server's field errors on the form. */
export const savedThenClose =
  (message: MessageInstance, onClose: () => void, showServerErrors: (error: unknown) => void) => (done: string) => ({
    onSuccess: () => {
      void message.success(done);
      onClose();
    },
    onError: showServerErrors,
  });
