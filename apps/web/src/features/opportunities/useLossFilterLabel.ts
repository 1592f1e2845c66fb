import { useTranslation } from 'react-i18next';
import { useCompetitors, useLossReasons } from './competition.queries';
import type { OpportunityFilters } from './opportunities.queries';
import { useReasonLabel } from './opportunityLabels';

/** The loss reason or competitor a list is filtered by, by name ("No reason given" for `none`). */
export function useLossFilterLabel(filters: OpportunityFilters): string | undefined {
  const { t } = useTranslation();
  const reasons = useLossReasons();
  const competitors = useCompetitors();
  const reasonLabel = useReasonLabel();
  const reasonId = filters.lossReasonId;
  const competitorId = filters.lostToCompetitorId;
  if (reasonId) {
    if (reasonId === 'none') return t('lossReason.none');
    const reason = reasons.data?.find((r) => r.id === reasonId);
    return reason ? reasonLabel(reason) : undefined;
  }
  if (competitorId) {
    if (competitorId === 'none') return t('lossReason.noCompetitor');
    return competitors.data?.find((c) => c.id === competitorId)?.name;
  }
  return undefined;
}
