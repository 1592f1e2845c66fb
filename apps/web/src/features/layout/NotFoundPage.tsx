import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { HomeResult } from '../../platform/ui/HomeResult';

export default function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return <HomeResult status="404" title={t('common.notFound')} onHome={() => void navigate('/')} />;
}
