import { LEAD_STATUSES, type LeadStatus } from '@guanxi/contract';
import { useTranslation } from 'react-i18next';

/** Tag colours of the lead statuses. */
export const LEAD_STATUS_COLORS: Record<LeadStatus, string> = {
  new: 'blue',
  assigned: 'gold',
  converted: 'green',
  invalid: 'default',
};

/** Select options for the lead statuses, labelled in the current language. */
export function useLeadStatusOptions() {
  const { t } = useTranslation();
  return LEAD_STATUSES.map((value) => ({ value, label: t(`leadStatus.${value}`) }));
}
