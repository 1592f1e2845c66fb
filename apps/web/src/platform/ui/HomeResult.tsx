import { Button, Result, type ResultProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A whole-page outcome (not found, failed to load) with the button back to the home page. */
export function HomeResult({
  status,
  title,
  subTitle,
  onHome,
}: {
  status: ResultProps['status'];
  title: ReactNode;
  subTitle?: ReactNode;
  onHome: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Result
      status={status}
      title={title}
      subTitle={subTitle}
      extra={
        <Button type="primary" onClick={onHome}>
          {t('common.home')}
        </Button>
      }
    />
  );
}
