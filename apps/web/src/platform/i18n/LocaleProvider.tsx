import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const DAYJS_LOCALE = { 'zh-CN': 'zh-cn', en: 'en' } as const;

/** antd components and dayjs dates follow the i18next language. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const isEnglish = i18n.language === 'en';
  dayjs.locale(isEnglish ? DAYJS_LOCALE.en : DAYJS_LOCALE['zh-CN']);
  return (
    // No space pushed between two Chinese characters of a button (保存 reads as one word, not 保 存).
    <ConfigProvider locale={isEnglish ? enUS : zhCN} button={{ autoInsertSpace: false }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
