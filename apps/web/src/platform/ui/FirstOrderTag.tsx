import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * 首单: the customer's first order under first-order care (stage strategy) — shown wherever orders
 * are listed (orders, finance's queue, the warehouse's stock issues, payments), so nobody handles it
 * as routine.
 */
export function FirstOrderTag() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('firstOrder.tagHint')}>
      <Tag color="magenta" data-testid="first-order-tag">
        {t('firstOrder.tag')}
      </Tag>
    </Tooltip>
  );
}
