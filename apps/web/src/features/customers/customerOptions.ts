import { CUSTOMER_KINDS, GENDERS, RELATIONSHIP_PHASES, SCALES, STAGES } from '@guanxi/contract';
import type { RelationshipPhase } from '@guanxi/contract';
import { useTranslation } from 'react-i18next';
import { useDictionary } from '../../platform/dictionaries';

/** A record's current dictionary values, which its form keeps offering even when no longer active. */
type KeptValues = { tier?: string | null; source?: string | null; industry?: string | null };

/**
 * Select/Radio options for the customer vocabulary, labelled in the current language. Levels,
 * sources and industries are the organization's dictionaries: their active entries, plus `keep`.
 */
export function useCustomerOptions(keep?: KeptValues) {
  const { t } = useTranslation();
  const [tiers, sources, industries] = [useDictionary('tier'), useDictionary('source'), useDictionary('industry')];
  return {
    stages: STAGES.map((value) => ({ value, label: t(`stage.${value}`) })),
    phases: RELATIONSHIP_PHASES.map((value) => ({ value, label: t(`relationship.phases.${value}`) })),
    kinds: CUSTOMER_KINDS.map((value) => ({ value, label: t(`kind.${value}`) })),
    tiers: tiers.options(keep?.tier),
    sources: sources.options(keep?.source),
    industries: industries.options(keep?.industry),
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
