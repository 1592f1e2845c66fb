import type { PointsEntryKind } from '@guanxi/contract';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const LEVEL_COLORS = ['default', 'cyan', 'gold', 'purple', 'magenta'];

/** A level's name in the reader's language. */
export function useLevelName() {
  const { i18n } = useTranslation();
  return (level: { nameZh?: string; nameEn?: string; levelNameZh?: string; levelNameEn?: string }) => {
    const zh = level.nameZh ?? level.levelNameZh ?? '';
    const en = level.nameEn ?? level.levelNameEn ?? '';
    return i18n.language === 'en' ? en || zh : zh;
  };
}

/** A member's level as a coloured tag (colour by the level's rank, when known). */
export function LevelTag({ name, rank }: { name: string; rank?: number }) {
  return <Tag color={LEVEL_COLORS[Math.min(rank ?? 0, LEVEL_COLORS.length - 1)]}>{name}</Tag>;
}

/** A discount in basis points as people read it: 500 → "95 折" (zh) or "5 % off" (en). */
export function useDiscountText() {
  const { t, i18n } = useTranslation();
  return (bp: number) => {
    if (bp <= 0) return t('member.noDiscount');
    const percent = i18n.language === 'en' ? bp / 100 : (10000 - bp) / 1000;
    return t('member.discountValue', { percent: Number(percent.toFixed(2)) });
  };
}

/** A signed points change, green for gains and red for losses. */
export function PointsChange({ points }: { points: number }) {
  return (
    <Typography.Text type={points > 0 ? 'success' : points < 0 ? 'danger' : undefined}>
      {points > 0 ? `+${points.toLocaleString()}` : points.toLocaleString()}
    </Typography.Text>
  );
}

export function useKindLabel() {
  const { t } = useTranslation();
  return (kind: PointsEntryKind) => t(`member.kinds.${kind}`);
}
