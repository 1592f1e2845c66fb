import { CameraOutlined, CloseOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** At most this many photos go with one check-in (a follow-up takes them as attachments). */
export const MAX_CHECK_IN_PHOTOS = 9;

/**
 * Photos of the visit taken with the phone's camera (`capture`: the rear camera opens directly;
 * a desktop browser offers its file dialog instead), shown as thumbnails that can be removed.
 */
export function CheckInPhotos({ photos, onChange }: { photos: File[]; onChange: (photos: File[]) => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const previews = useMemo(() => photos.map((photo) => URL.createObjectURL(photo)), [photos]);
  useEffect(() => () => previews.forEach((url) => URL.revokeObjectURL(url)), [previews]);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {/* The input shares the button's item: an item of its own would still take a gap in the Space. */}
      <div>
        <input
          ref={input}
          type="file"
          accept="image/*"
          capture="environment"
          style={{ display: 'none' }}
          data-testid="check-in-photo-input"
          onChange={(event) => {
            const taken = [...(event.target.files ?? [])];
            event.target.value = '';
            onChange([...photos, ...taken].slice(0, MAX_CHECK_IN_PHOTOS));
          }}
        />
        <Button
          icon={<CameraOutlined />}
          block
          disabled={photos.length >= MAX_CHECK_IN_PHOTOS}
          onClick={() => input.current?.click()}
          data-testid="check-in-photo"
        >
          {t('checkIn.takePhoto')}
        </Button>
      </div>
      {photos.length > 0 && (
        <>
          <Space wrap size={8}>
            {previews.map((url, index) => (
              <div key={url} style={{ position: 'relative' }} data-testid="check-in-photo-preview">
                <img
                  src={url}
                  alt={photos[index]!.name}
                  style={{ width: 72, height: 72, objectFit: 'cover', borderRadius: 6, display: 'block' }}
                />
                <Button
                  size="small"
                  shape="circle"
                  icon={<CloseOutlined />}
                  aria-label={t('checkIn.removePhoto')}
                  style={{ position: 'absolute', top: -8, right: -8 }}
                  onClick={() => onChange(photos.filter((_, i) => i !== index))}
                />
              </div>
            ))}
          </Space>
          <Typography.Text type="secondary">{t('checkIn.photosWithFollowUp')}</Typography.Text>
        </>
      )}
    </Space>
  );
}
