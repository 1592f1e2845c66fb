import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

/** List, board, pipeline and loss analysis are four views of the same opportunities. */
export function OpportunityViewSwitch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return (
    <Segmented
      value={pathname}
      onChange={(path) => void navigate(path)}
      options={[
        { value: '/opportunities', label: t('opportunity.list') },
        { value: '/opportunities/board', label: t('opportunity.board') },
        { value: '/opportunities/pipeline', label: t('opportunity.pipeline') },
        { value: '/opportunities/loss-report', label: t('lossReport.menu') },
      ]}
      data-testid="opportunity-views"
    />
  );
}
