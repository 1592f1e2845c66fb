import { RFM_SEGMENTS, type RfmSegment } from '@guanxi/contract';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Colours of the RFM segments (domain §7), shared by the customer list, the customer page and the
 * segment matrix: important segments strong, their general counterparts in the same hue, lighter.
 */
export const RFM_SEGMENT_COLORS: Record<RfmSegment, string> = {
  important_value: '#237804',
  important_retain: '#0958d9',
  important_develop: '#d48806',
  important_winback: '#cf1322',
  general_value: '#73d13d',
  general_retain: '#69b1ff',
  general_develop: '#ffc53d',
  general_winback: '#ff7875',
};

/** Select options of the segments, labelled in the current language. */
export function useRfmSegmentOptions() {
  const { t } = useTranslation();
  return RFM_SEGMENTS.map((value) => ({ value, label: t(`rfm.segments.${value}`) }));
}

/** A segment's name as a tag, with what it means for the salesperson on hover. */
export function RfmSegmentTag({ segment }: { segment: RfmSegment }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t(`rfm.segmentHints.${segment}`)}>
      <Tag color={RFM_SEGMENT_COLORS[segment]} data-testid="rfm-segment">
        {t(`rfm.segments.${segment}`)}
      </Tag>
    </Tooltip>
  );
}
