import { AimOutlined, EnvironmentOutlined } from '@ant-design/icons';
import type { CreateVisitBody } from '@guanxi/contract';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Empty, Form, Input, Space, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CustomerPicker } from '../../platform/CustomerPicker';
import { useEditForm } from '../../platform/useServerFieldErrors';
import { useMe } from '../../platform/session.queries';
import { customerQueryOptions } from '../customers';
import { attachmentErrorText } from '../../platform/attachmentErrors';
import { CheckInPhotos } from './CheckInPhotos';
import { uploadAttachment, useCheckIn, useVisits } from './followUps.queries';

interface Position {
  latitude: number;
  longitude: number;
  accuracy: number;
}
type Located =
  { state: 'idle' | 'locating' } | { state: 'done'; position: Position } | { state: 'failed'; reason: string };

interface CheckInValues {
  customerId: string;
  address?: string;
  note?: string;
  logFollowUp?: boolean;
}

/**
 * The position on a map (Gaode's public marker page, which a phone hands to its map app). No key is
 * needed; `coordinate=wgs84` because the browser reports GPS coordinates, which Gaode shifts itself.
 */
const mapLinkOf = (position: Position) =>
  `https://uri.amap.com/marker?position=${position.longitude},${position.latitude}&coordinate=wgs84&callnative=1`;

/** The browser's position; a refusal or timeout leaves the typed address as the fallback. */
function useGeolocation() {
  const { t } = useTranslation();
  const [located, setLocated] = useState<Located>({ state: 'idle' });
  const locate = () => {
    if (!('geolocation' in navigator)) {
      setLocated({ state: 'failed', reason: t('checkIn.unsupported') });
      return;
    }
    setLocated({ state: 'locating' });
    navigator.geolocation.getCurrentPosition(
      ({ coords }) =>
        setLocated({
          state: 'done',
          position: { latitude: coords.latitude, longitude: coords.longitude, accuracy: coords.accuracy },
        }),
      (error) =>
        setLocated({ state: 'failed', reason: t('checkIn.denied', { reason: error.message || String(error.code) }) }),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };
  return { located, locate };
}

/** Field check-in (拜访签到), made for a phone: pick the customer, locate or type the address, check in. */
export default function CheckInPage() {
  const { t, message, form, showServerErrors: showErrors } = useEditForm<CheckInValues>();
  const preset = useSearchParams()[0].get('customerId') ?? '';
  const presetCustomer = useQuery({ ...customerQueryOptions(preset), enabled: preset !== '' });
  const me = useMe().data;
  const today = useVisits({ userId: me?.id }, me !== undefined);
  const checkIn = useCheckIn();
  const { located, locate } = useGeolocation();
  const position = located.state === 'done' ? located.position : null;
  const [photos, setPhotos] = useState<File[]>([]);

  const submit = (values: CheckInValues) => {
    const body: CreateVisitBody = {
      customerId: values.customerId,
      ...(position ? { latitude: position.latitude, longitude: position.longitude, accuracy: position.accuracy } : {}),
      ...(values.address?.trim() ? { address: values.address.trim() } : {}),
      ...(values.note?.trim() ? { note: values.note.trim() } : {}),
      // Photos are kept as the visit follow-up's attachments, so taking one logs the follow-up.
      logFollowUp: photos.length > 0 || (values.logFollowUp ?? false),
    };
    /** The photos go up after the visit is saved, to the follow-up it logged. */
    const finish = async (followUpId: string | null) => {
      for (const photo of followUpId ? photos : []) {
        try {
          await uploadAttachment(followUpId!, photo);
        } catch (error) {
          void message.error(attachmentErrorText(t, photo.name, error));
        }
      }
      void message.success(t('checkIn.done'));
      form.resetFields(['note']);
      setPhotos([]);
    };
    checkIn.mutate(body, {
      onSuccess: (visit) => void finish(visit.followUpId),
      onError: showErrors,
    });
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 560 }}>
      <Card title={t('checkIn.title')}>
        <Form<CheckInValues>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ customerId: preset || undefined, logFollowUp: true }}
        >
          <Form.Item name="customerId" label={t('checkIn.customer')} rules={[{ required: true }]}>
            <CustomerPicker
              placeholder={t('checkIn.customerPlaceholder')}
              initial={presetCustomer.data}
              mineFirst
              data-testid="check-in-customer"
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
            <Button
              icon={<AimOutlined />}
              onClick={locate}
              loading={located.state === 'locating'}
              block
              data-testid="check-in-locate"
            >
              {located.state === 'locating' ? t('checkIn.locating') : t('checkIn.locate')}
            </Button>
            {position && (
              <Alert
                type="success"
                showIcon
                icon={<EnvironmentOutlined />}
                title={t('checkIn.located', {
                  lat: position.latitude.toFixed(5),
                  lng: position.longitude.toFixed(5),
                  accuracy: Math.round(position.accuracy),
                })}
                action={
                  <a href={mapLinkOf(position)} target="_blank" rel="noreferrer" data-testid="check-in-map">
                    {t('checkIn.openMap')}
                  </a>
                }
              />
            )}
            {located.state === 'failed' && (
              <Alert type="warning" showIcon title={located.reason} data-testid="check-in-denied" />
            )}
          </Space>
          <Form.Item
            name="address"
            label={t('checkIn.address')}
            rules={[{ required: !position, whitespace: true, message: t('checkIn.addressRequired') }]}
          >
            <Input maxLength={200} placeholder={t('checkIn.addressPlaceholder')} data-testid="check-in-address" />
          </Form.Item>
          <Form.Item name="note" label={t('checkIn.note')}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="check-in-note" />
          </Form.Item>
          <Form.Item>
            <CheckInPhotos photos={photos} onChange={setPhotos} />
          </Form.Item>
          <Form.Item name="logFollowUp" valuePropName="checked">
            <Checkbox disabled={photos.length > 0}>{t('checkIn.logFollowUp')}</Checkbox>
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={checkIn.isPending}
            data-testid="check-in-submit"
          >
            {t('checkIn.submit')}
          </Button>
        </Form>
      </Card>
      <Card title={t('checkIn.today')} size="small">
        {(today.data?.items.length ?? 0) === 0 ? (
          <Empty description={t('checkIn.none')} />
        ) : (
          <Timeline
            items={today.data!.items.map((visit) => ({
              key: visit.id,
              content: (
                <div data-testid="check-in-visit">
                  <Typography.Text strong>{visit.customerName}</Typography.Text> ·{' '}
                  {dayjs(visit.checkedInAt).format('HH:mm')}
                  <div>
                    <Typography.Text type="secondary">
                      {visit.address ?? (visit.latitude !== null ? `${visit.latitude}, ${visit.longitude}` : '')}
                    </Typography.Text>
                  </div>
                  {visit.note && <div>{visit.note}</div>}
                  {visit.latitude !== null && visit.longitude !== null && (
                    <a
                      href={mapLinkOf({ latitude: visit.latitude, longitude: visit.longitude, accuracy: 0 })}
                      target="_blank"
                      rel="noreferrer"
                    >
                      {t('checkIn.openMap')}
                    </a>
                  )}
                </div>
              ),
            }))}
          />
        )}
      </Card>
    </Space>
  );
}
