import { TranslationOutlined } from '@ant-design/icons';
import { Button, Grid } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyLocale, currentLocale } from '../../platform/i18n';
import { useUpdateMyLocale } from '../../platform/session.queries';

/**
 * Toggles zh-CN ⇄ en in one click. Signed in, the choice is saved on the user's profile;
 * on the login page it is kept in this browser only.
 */
export function LanguageSwitch({ isSignedIn, withLabel }: { isSignedIn: boolean; withLabel?: boolean }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const updateLocale = useUpdateMyLocale();

  const toggle = () => {
    const next = currentLocale() === 'en' ? 'zh-CN' : 'en';
    void applyLocale(next);
    if (isSignedIn) updateLocale.mutate(next);
  };

  return (
    <Button
      type="text"
      icon={<TranslationOutlined />}
      onClick={toggle}
      aria-label={t('lang.switchLabel')}
      title={t('lang.switchLabel')}
      data-testid="lang-switch"
    >
      {/* On a phone the icon alone: the header must fit 390 px (the label stays as the button's name). */}
      {(withLabel || screens.sm !== false) && t('lang.toggle')}
    </Button>
  );
}
