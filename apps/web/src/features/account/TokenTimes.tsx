import { Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/** A token's creation or last-use time, to the minute. */
export const formatTokenTime = (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm');

/** The expiry date with what it means today: days left, or expired. */
export function ExpiresAt({ value }: { value: string }) {
  const { t } = useTranslation();
  const expiresAt = dayjs(value);
  const now = dayjs();
  const daysLeft = expiresAt.startOf('day').diff(now.startOf('day'), 'day');
  let status = <Tag color="red">{t('token.expired')}</Tag>;
  if (expiresAt.isAfter(now)) {
    const words =
      daysLeft <= 0
        ? t('token.expiresToday')
        : daysLeft === 1
          ? t('token.expiresTomorrow')
          : t('token.daysLeft', { count: daysLeft });
    status = <Typography.Text type={daysLeft <= 7 ? 'warning' : 'secondary'}>{words}</Typography.Text>;
  }
  return (
    <Space size={8} wrap>
      <span>{expiresAt.format('YYYY-MM-DD')}</span>
      {status}
    </Space>
  );
}
