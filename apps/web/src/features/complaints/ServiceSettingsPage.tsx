import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  COMPLAINT_SEVERITIES,
  type AssignmentRule,
  type ComplaintCategory,
  type ServiceSettings,
} from '@guanxi/contract';
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryResult } from '../../platform/ui/QueryResult';
import { ActiveUserSelect } from '../users';
import { categoryName, categoryTree } from './categoryTree';
import {
  useComplaintCategories,
  useCreateCategory,
  useSaveServiceSettings,
  useServiceSettings,
  useUpdateCategory,
} from './complaints.queries';

const CLOCKS = Array.from(
  { length: 48 },
  (_, i) => `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`,
);
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** A list of dates (holidays, make-up days) as removable tags with a date picker to add one. */
function DateList({
  value = [],
  onChange,
  testId,
}: {
  value?: string[];
  onChange?: (v: string[]) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Space wrap data-testid={testId}>
      {value.map((date) => (
        <Tag key={date} closable onClose={() => onChange?.(value.filter((d) => d !== date))}>
          {date}
        </Tag>
      ))}
      <DatePicker
        placeholder={t('complaint.settings.addDate')}
        value={null}
        onChange={(d: Dayjs | null) => {
          const date = d?.format('YYYY-MM-DD');
          if (date && !value.includes(date)) onChange?.([...value, date].sort());
        }}
      />
    </Space>
  );
}

function SettingsForm({ settings }: { settings: ServiceSettings }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh';
  const { message } = App.useApp();
  const save = useSaveServiceSettings();
  const categories = useComplaintCategories();
  const [rules, setRules] = useState<AssignmentRule[]>(settings.assignmentRules);
  const [form] = Form.useForm();
  const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
  const initial = {
    ...settings.calendar,
    sla: Object.fromEntries(
      COMPLAINT_SEVERITIES.map((s) => [
        s,
        { first: hours(settings.sla[s].firstResponseMinutes), resolution: hours(settings.sla[s].resolutionMinutes) },
      ]),
    ),
  };
  const submit = (values: typeof initial) => {
    const sla = Object.fromEntries(
      COMPLAINT_SEVERITIES.map((s) => [
        s,
        {
          firstResponseMinutes: Math.max(1, Math.round(values.sla[s]!.first * 60)),
          resolutionMinutes: Math.max(1, Math.round(values.sla[s]!.resolution * 60)),
        },
      ]),
    ) as ServiceSettings['sla'];
    save.mutate(
      {
        calendar: {
          workStart: values.workStart,
          workEnd: values.workEnd,
          workdays: values.workdays,
          holidays: values.holidays,
          makeupWorkdays: values.makeupWorkdays,
        },
        sla,
        assignmentRules: rules.map((r) => ({
          assignTo: r.assignTo,
          ...(r.categoryId ? { categoryId: r.categoryId } : {}),
          ...(r.province ? { province: r.province } : {}),
          ...(r.assignTo === 'user' ? { userId: r.userId ?? null } : {}),
        })),
      },
      {
        onSuccess: () => void message.success(t('complaint.settings.saved')),
        onError: (e) => void message.error(e.message),
      },
    );
  };
  const setRule = (index: number, change: Partial<AssignmentRule>) =>
    setRules(rules.map((r, i) => (i === index ? { ...r, ...change } : r)));

  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={submit}>
      <Card size="small" title={t('complaint.settings.calendar')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('complaint.settings.calendarHint')}</Typography.Paragraph>
        <Form.Item label={t('complaint.settings.workHours')}>
          <Space wrap>
            <Form.Item name="workStart" noStyle>
              <Select style={{ width: 100 }} options={CLOCKS.map((c) => ({ value: c, label: c }))} />
            </Form.Item>
            —
            <Form.Item name="workEnd" noStyle>
              <Select style={{ width: 100 }} options={CLOCKS.map((c) => ({ value: c, label: c }))} />
            </Form.Item>
          </Space>
        </Form.Item>
        <Form.Item name="workdays" label={t('complaint.settings.workdays')}>
          <Checkbox.Group options={WEEKDAYS.map((d) => ({ value: d, label: t(`complaint.settings.weekdays.${d}`) }))} />
        </Form.Item>
        <Form.Item name="holidays" label={t('complaint.settings.holidays')}>
          <DateList testId="settings-holidays" />
        </Form.Item>
        <Form.Item name="makeupWorkdays" label={t('complaint.settings.makeupWorkdays')}>
          <DateList testId="settings-makeup" />
        </Form.Item>
      </Card>
      <Card size="small" title={t('complaint.settings.sla')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('complaint.settings.slaHint')}</Typography.Paragraph>
        <Table
          size="small"
          pagination={false}
          rowKey={(s) => s}
          dataSource={[...COMPLAINT_SEVERITIES]}
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'severity', title: t('complaint.severity'), render: (_, s) => t(`complaint.severities.${s}`) },
            {
              key: 'first',
              title: t('complaint.settings.firstResponseHours'),
              render: (_, s) => (
                <Form.Item name={['sla', s, 'first']} noStyle>
                  <InputNumber min={0.1} max={2160} step={0.5} style={{ width: 80 }} />
                </Form.Item>
              ),
            },
            {
              key: 'resolution',
              title: t('complaint.settings.resolutionHours'),
              render: (_, s) => (
                <Form.Item name={['sla', s, 'resolution']} noStyle>
                  <InputNumber min={0.1} max={2160} step={1} style={{ width: 80 }} />
                </Form.Item>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('complaint.settings.rules')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('complaint.settings.rulesHint')}</Typography.Paragraph>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {rules.map((rule, index) => (
            <Space key={index} wrap data-testid="settings-rule">
              <Typography.Text>{index + 1}.</Typography.Text>
              <TreeSelect
                allowClear
                value={rule.categoryId ?? undefined}
                onChange={(v) => setRule(index, { categoryId: v ?? null })}
                placeholder={t('complaint.settings.anyCategory')}
                style={{ width: 150 }}
                treeDefaultExpandAll
                treeData={categoryTree(categories.data ?? [], language, { activeOnly: true })}
              />
              <Input
                allowClear
                value={rule.province ?? ''}
                onChange={(e) => setRule(index, { province: e.target.value || null })}
                placeholder={t('complaint.settings.anyProvince')}
                style={{ width: 130 }}
                maxLength={50}
              />
              <Select
                value={rule.assignTo}
                onChange={(v) => setRule(index, { assignTo: v })}
                style={{ width: 140 }}
                options={[
                  { value: 'owner', label: t('complaint.settings.toOwner') },
                  { value: 'user', label: t('complaint.settings.toUser') },
                ]}
              />
              {rule.assignTo === 'user' && (
                <ActiveUserSelect
                  value={rule.userId ?? undefined}
                  onChange={(v) => setRule(index, { userId: typeof v === 'string' ? v : null })}
                  style={{ width: 140 }}
                />
              )}
              <Button
                icon={<DeleteOutlined />}
                title={t('common.delete')}
                onClick={() => setRules(rules.filter((_, i) => i !== index))}
              />
            </Space>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => setRules([...rules, { assignTo: 'owner' }])}>
            {t('complaint.settings.addRule')}
          </Button>
        </Space>
      </Card>
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="settings-save">
        {t('common.save')}
      </Button>
    </Form>
  );
}

function CategoriesCard() {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh';
  const { message } = App.useApp();
  const categories = useComplaintCategories();
  const create = useCreateCategory();
  const update = useUpdateCategory();
  const [form] = Form.useForm<{ nameZh: string; nameEn: string; parentCategoryId?: string }>();
  const fail = (e: Error) => void message.error(e.message);
  const rows = categories.data ?? [];
  const byId = new Map(rows.map((c) => [c.id, c]));
  const depth = (c: ComplaintCategory): number => {
    let level = 0;
    for (let at = c.parentCategoryId; at && level < 10; at = byId.get(at)?.parentCategoryId ?? null) level++;
    return level;
  };
  const ordered: ComplaintCategory[] = [];
  const walk = (parent: string | null) =>
    rows
      .filter((c) => (c.parentCategoryId ?? null) === parent)
      .forEach((c) => {
        ordered.push(c);
        walk(c.id);
      });
  walk(null);
  return (
    <Card size="small" title={t('complaint.settings.categories')} style={{ marginBottom: 16 }}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={ordered}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'name',
            title: t('complaint.category'),
            render: (_, c) => (
              <span style={{ paddingLeft: depth(c) * 16 }}>
                {categoryName(c, language)} {!c.active && <Tag>{t('complaint.settings.inactive')}</Tag>}
              </span>
            ),
          },
          {
            key: 'other',
            title: language === 'en' ? t('complaint.settings.nameZh') : t('complaint.settings.nameEn'),
            render: (_, c) => (language === 'en' ? c.nameZh : c.nameEn),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, c) => (
              <Button
                size="small"
                onClick={() =>
                  update.mutate({ id: c.id, body: { version: c.version, active: !c.active } }, { onError: fail })
                }
              >
                {c.active ? t('complaint.settings.deactivate') : t('complaint.settings.activate')}
              </Button>
            ),
          },
        ]}
      />
      <Form
        form={form}
        layout="inline"
        style={{ marginTop: 12, rowGap: 8 }}
        onFinish={(values) =>
          create.mutate(values, {
            onSuccess: () => {
              form.resetFields();
              void message.success(t('complaint.settings.saved'));
            },
            onError: fail,
          })
        }
      >
        <Form.Item
          name="nameZh"
          rules={[{ required: true, message: t('complaint.required', { field: t('complaint.settings.nameZh') }) }]}
        >
          <Input placeholder={t('complaint.settings.nameZh')} maxLength={40} style={{ width: 130 }} />
        </Form.Item>
        <Form.Item
          name="nameEn"
          rules={[{ required: true, message: t('complaint.required', { field: t('complaint.settings.nameEn') }) }]}
        >
          <Input placeholder={t('complaint.settings.nameEn')} maxLength={40} style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="parentCategoryId">
          <TreeSelect
            allowClear
            placeholder={t('complaint.settings.parent')}
            style={{ width: 150 }}
            treeDefaultExpandAll
            treeData={categoryTree(rows, language)}
          />
        </Form.Item>
        <Button icon={<PlusOutlined />} htmlType="submit" loading={create.isPending}>
          {t('complaint.settings.addCategory')}
        </Button>
      </Form>
    </Card>
  );
}

/** Service settings (服务设置): working calendar, SLA targets, assignment rules and categories. */
export default function ServiceSettingsPage() {
  const { t } = useTranslation();
  return (
    <Card title={t('complaint.settings.title')}>
      <CategoriesCard />
      <QueryResult query={useServiceSettings()}>{(settings) => <SettingsForm settings={settings} />}</QueryResult>
    </Card>
  );
}
