import { useTranslation } from 'react-i18next';
import { useFollowUpTypes } from './followUps.queries';

/** The organization's name of a follow-up type in the current language (the code if unknown). */
export function useFollowUpTypeLabel() {
  const { i18n } = useTranslation();
  const types = useFollowUpTypes();
  const isEn = i18n.language === 'en';
  return (code: string) => {
    const type = types.data?.items.find((t) => t.code === code);
    return type ? (isEn ? type.nameEn : type.nameZh) : code;
  };
}
