import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { HomeResult } from '../../platform/ui/HomeResult';

/** Shown instead of a blank page when a screen fails to render or its code fails to load. */
export default function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <HomeResult
      status="error"
      title={t('common.loadFailed')}
      subTitle={error instanceof Error ? error.message : undefined}
      onHome={() => window.location.assign('/')}
    />
  );
}
