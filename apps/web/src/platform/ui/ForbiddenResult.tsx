import { ApiError } from '../api';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { HomeResult } from './HomeResult';

/** Whether a failed request was refused for a missing permission (the page shows 403, not a message). */
export const isForbidden = (error: unknown): boolean => error instanceof ApiError && error.status === 403;

/** The whole-page 403: what the user lacks and the way home, instead of an empty page under an error. */
export function ForbiddenResult() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div data-testid="forbidden">
      <HomeResult
        status="403"
        title={t('common.noAccess')}
        subTitle={t('common.noAccessHint')}
        onHome={() => void navigate('/')}
      />
    </div>
  );
}
