import type { Member } from '@guanxi/contract';
import { App, Button, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../platform/ui/FormModal';
import { useServerFieldErrors } from '../../platform/useServerFieldErrors';
import { useAdjustPoints, useMemberSettings, useRedeemPoints } from './members.queries';

interface PointsValues {
  points: number;
  reason?: string;
}

/** 积分兑换 and 调整积分 on a member (an adjustment above the threshold is sent for approval). */
export function PointsActions({ member }: { member: Member }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [mode, setMode] = useState<'redeem' | 'adjust' | null>(null);
  const [form] = Form.useForm<PointsValues>();
  const showError = useServerFieldErrors(form);
  const redeem = useRedeemPoints();
  const adjust = useAdjustPoints();
  const settings = useMemberSettings();
  const close = () => setMode(null);
  const submit = (values: PointsValues) => {
    const reason = values.reason?.trim();
    if (mode === 'redeem') {
      redeem.mutate(
        { id: member.id, body: { points: values.points, ...(reason ? { reason } : {}) } },
        {
          onSuccess: () => {
            void message.success(t('member.redeemed', { points: values.points }));
            close();
          },
          onError: showError,
        },
      );
    } else {
      adjust.mutate(
        { id: member.id, body: { points: values.points, reason: reason ?? '' } },
        {
          onSuccess: (result) => {
            void message.success(t(result.status === 'pending' ? 'member.adjustPending' : 'member.adjusted'));
            close();
          },
          onError: showError,
        },
      );
    }
  };
  return (
    <>
      <Space wrap>
        <Button onClick={() => setMode('redeem')} disabled={member.pointsBalance <= 0} data-testid="member-redeem">
          {t('member.redeem')}
        </Button>
        <Button onClick={() => setMode('adjust')} data-testid="member-adjust">
          {t('member.adjust')}
        </Button>
      </Space>
      <FormModal
        open={mode !== null}
        title={mode === 'redeem' ? t('member.redeem') : t('member.adjust')}
        form={form}
        saving={redeem.isPending || adjust.isPending}
        onClose={close}
        okTestId="member-points-save"
      >
        <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
          <Typography.Paragraph type="secondary">
            {t('member.pointsBalance')}: {member.pointsBalance.toLocaleString()}
            {mode === 'adjust' && settings.data
              ? ` · ${t('member.adjustHint', { threshold: settings.data.adjustApprovalThreshold.toLocaleString() })}`
              : ''}
          </Typography.Paragraph>
          <Form.Item
            name="points"
            label={mode === 'redeem' ? t('member.pointsToRedeem') : t('member.pointsChange')}
            rules={[{ required: true, message: t('member.pointsRequired') }]}
          >
            <InputNumber
              precision={0}
              min={mode === 'redeem' ? 1 : -1_000_000_000}
              max={mode === 'redeem' ? member.pointsBalance : 1_000_000_000}
              style={{ width: '100%' }}
              data-testid="member-points-input"
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('member.reason')}
            rules={mode === 'adjust' ? [{ required: true, whitespace: true, message: t('member.reasonRequired') }] : []}
          >
            <Input maxLength={200} data-testid="member-points-reason" />
          </Form.Item>
        </Form>
      </FormModal>
    </>
  );
}
