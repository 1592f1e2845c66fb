import type { MemberLevel } from '@guanxi/contract';
import { App, Button, Card, Form, Input, InputNumber, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../../platform/session.queries';
import { FormDrawer } from '../../platform/ui/FormDrawer';
import { SaveButton, SaveCancelActions } from '../../platform/ui/FormActions';
import { ListTable } from '../../platform/ui/ListTable';
import { NewButton } from '../../platform/ui/NewButton';
import { useServerFieldErrors } from '../../platform/useServerFieldErrors';
import { useDiscountText } from './memberDisplay';
import {
  useCreateLevel,
  useMemberLevels,
  useMemberSettings,
  useUpdateLevel,
  useUpdateMemberSettings,
} from './members.queries';

interface LevelValues {
  nameZh: string;
  nameEn: string;
  threshold: number;
  discountPercent: number;
  birthdayGift?: string;
}

/** 会员等级: levels by growth points with their discount and birthday gift, and the points rules. */
export default function MemberLevelsPage() {
  const { t } = useTranslation();
  const discount = useDiscountText();
  const canManage = useHasPermission('members.manage');
  const levels = useMemberLevels();
  const [editing, setEditing] = useState<{ open: boolean; level?: MemberLevel }>({ open: false });
  const columns: ColumnsType<MemberLevel> = [
    { key: 'nameZh', dataIndex: 'nameZh', title: t('member.levels.nameZh') },
    { key: 'nameEn', dataIndex: 'nameEn', title: t('member.levels.nameEn') },
    {
      key: 'threshold',
      title: t('member.levels.threshold'),
      align: 'right',
      render: (_, l) => l.threshold.toLocaleString(),
    },
    { key: 'discount', title: t('member.discount'), render: (_, l) => discount(l.discountBp) },
    { key: 'gift', title: t('member.levels.birthdayGift'), render: (_, l) => l.birthdayGift ?? '—' },
    ...(canManage
      ? [
          {
            key: 'actions',
            title: '',
            render: (_: unknown, l: MemberLevel) => (
              <Button type="link" onClick={() => setEditing({ open: true, level: l })}>
                {t('member.levels.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('member.levels.title')}
        extra={
          canManage && (
            <NewButton onClick={() => setEditing({ open: true })} data-testid="member-level-new">
              {t('member.levels.add')}
            </NewButton>
          )
        }
      >
        <Typography.Paragraph type="secondary">{t('member.levels.hint')}</Typography.Paragraph>
        <ListTable<MemberLevel>
          rows={levels.data ?? []}
          loading={levels.isPending}
          columns={columns}
          testId="member-levels"
          phoneCards={{ title: 'nameZh', fields: ['nameEn', 'threshold', 'discount', 'gift'], actions: 'actions' }}
        />
      </Card>
      <SettingsCard canManage={canManage} />
      <FormDrawer
        open={editing.open}
        onClose={() => setEditing({ open: false })}
        title={editing.level ? t('member.levels.edit') : t('member.levels.add')}
        size={440}
      >
        <LevelForm level={editing.level} onDone={() => setEditing({ open: false })} />
      </FormDrawer>
    </Space>
  );
}

function LevelForm({ level, onDone }: { level?: MemberLevel; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<LevelValues>();
  const showError = useServerFieldErrors(form, { discountBp: 'discountPercent' });
  const create = useCreateLevel();
  const update = useUpdateLevel();
  const required = [{ required: true, message: t('member.levels.required') }];
  const submit = (values: LevelValues) => {
    const body = {
      nameZh: values.nameZh,
      nameEn: values.nameEn,
      threshold: values.threshold,
      discountBp: Math.round(values.discountPercent * 100),
      birthdayGift: values.birthdayGift?.trim() || null,
    };
    const done = {
      onSuccess: () => {
        void message.success(t('member.levels.saved'));
        onDone();
      },
      onError: showError,
    };
    if (level) update.mutate({ id: level.id, body: { ...body, version: level.version } }, done);
    else create.mutate(body, done);
  };
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={
        level
          ? { ...level, discountPercent: level.discountBp / 100, birthdayGift: level.birthdayGift ?? undefined }
          : { discountPercent: 0 }
      }
    >
      <Form.Item name="nameZh" label={t('member.levels.nameZh')} rules={required}>
        <Input maxLength={32} />
      </Form.Item>
      <Form.Item name="nameEn" label={t('member.levels.nameEn')} rules={required}>
        <Input maxLength={32} />
      </Form.Item>
      <Form.Item name="threshold" label={t('member.levels.threshold')} rules={required}>
        <InputNumber min={0} precision={0} style={{ width: '100%' }} disabled={level?.threshold === 0} />
      </Form.Item>
      <Form.Item name="discountPercent" label={t('member.levels.discountPercent')} rules={required}>
        <InputNumber min={0} max={100} precision={2} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="birthdayGift" label={t('member.levels.birthdayGift')}>
        <Input maxLength={200} />
      </Form.Item>
      <SaveCancelActions saving={create.isPending || update.isPending} onCancel={onDone} testId="member-level-save" />
    </Form>
  );
}

function SettingsCard({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useMemberSettings();
  const save = useUpdateMemberSettings();
  const [form] = Form.useForm<{ adjustApprovalThreshold: number; expiryMonths: number }>();
  const showError = useServerFieldErrors(form);
  if (!settings.data) return <Card loading title={t('member.levels.settings')} />;
  const version = settings.data.version;
  return (
    <Card title={t('member.levels.settings')}>
      <Form
        form={form}
        layout="vertical"
        initialValues={settings.data}
        disabled={!canManage}
        style={{ maxWidth: 420 }}
        onFinish={(values) =>
          save.mutate(
            { ...values, version },
            { onSuccess: () => void message.success(t('member.levels.settingsSaved')), onError: showError },
          )
        }
      >
        <Form.Item name="adjustApprovalThreshold" label={t('member.levels.adjustApprovalThreshold')}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="expiryMonths" label={t('member.levels.expiryMonths')}>
          <InputNumber min={1} max={120} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        {canManage && <SaveButton saving={save.isPending} testId="member-settings-save" />}
      </Form>
    </Card>
  );
}
