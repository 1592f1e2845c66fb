import type { OpportunityStatus } from '@guanxi/contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** A stage's name in the UI language: the English name when there is one and the UI is English. */
export function useStageLabel() {
  const { i18n } = useTranslation();
  return (stage: { name: string; nameEn: string | null }) =>
    i18n.language === 'en' && stage.nameEn ? stage.nameEn : stage.name;
}

const STATUS_COLORS: Record<OpportunityStatus, string> = {
  open: 'processing',
  won: 'success',
  lost: 'error',
  invalid: 'default',
};

export function OpportunityStatusTag({ status }: { status: OpportunityStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="opportunity-status">
      {t(`opportunityStatus.${status}`)}
    </Tag>
  );
}

/** A loss reason's name in the UI language (as stages); null (losses before reasons) reads "No reason given". */
export function useReasonLabel() {
  const { t } = useTranslation();
  const stageLabel = useStageLabel();
  return (reason: { name: string | null; nameEn: string | null }) =>
    reason.name === null ? t('lossReason.none') : stageLabel({ name: reason.name, nameEn: reason.nameEn });
}
