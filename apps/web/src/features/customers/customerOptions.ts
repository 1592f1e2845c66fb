import { CUSTOMER_KINDS, GENDERS, RELATIONSHIP_PHASES, SCALES, SOURCES, STAGES, TIERS } from '@guanxi/contract';
import type { RelationshipPhase } from '@guanxi/contract';
import { useTranslation } from 'react-i18next';

/** Select/Radio options for the customer vocabulary, labelled in the current language. */
export function useCustomerOptions() {
  const { t } = useTranslation();
  return {
    stages: STAGES.map((value) => ({ value, label: t(`stage.${value}`) })),
    phases: RELATIONSHIP_PHASES.map((value) => ({ value, label: t(`relationship.phases.${value}`) })),
    kinds: CUSTOMER_KINDS.map((value) => ({ value, label: t(`kind.${value}`) })),
    tiers: TIERS.map((value) => ({ value, label: t(`tier.${value}`) })),
    sources: SOURCES.map((value) => ({ value, label: t(`source.${value}`) })),
    scales: SCALES.map((value) => ({ value, label: t(`scale.${value}`) })),
    genders: GENDERS.map((value) => ({ value, label: t(`gender.${value}`) })),
  };
}

/** Tag colours of the relationship phases: cool while the relationship grows, warm once it declines. */
export const PHASE_COLORS: Record<RelationshipPhase, string> = {
  exploration: 'blue',
  formation: 'cyan',
  stability: 'green',
  decline: 'volcano',
};
