import type { Customer } from '@guanxi/contract';
import { Space, Tag, type DescriptionsProps } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useDictionary } from '../../platform/dictionaries';

type Items = NonNullable<DescriptionsProps['items']>;

/** The customer's fields for Descriptions: company or person fields by kind; hidden fields stay out. */
export function useDescriptionItems(customer: Customer): Items {
  const { t } = useTranslation();
  const [tiers, sources, industries] = [useDictionary('tier'), useDictionary('source'), useDictionary('industry')];
  const empty = t('common.empty');
  const time = (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm');
  const add = (key: string, label: string, children: React.ReactNode, span?: number) =>
    items.push({ key, label, children: children ?? empty, span });
  const items: Items = [];
  const region = [customer.province, customer.city, customer.district].filter(Boolean).join(' ');

  add('customerNo', t('customer.customerNo'), customer.customerNo);
  add('kind', t('customer.kind'), t(`kind.${customer.kind}`));
  add('stage', t('customer.stage'), <Tag>{t(`stage.${customer.stage}`)}</Tag>);
  add(
    'daysInStage',
    t('customer.daysInStage'),
    t('customer.daysInStageSince', {
      count: customer.daysInStage,
      date: dayjs(customer.stageEnteredAt).format('YYYY-MM-DD'),
    }),
  );
  add('tier', t('customer.tier'), tiers.label(customer.tier));
  add('source', t('customer.source'), sources.label(customer.source));
  add('owner', t('customer.owner'), customer.ownerName ?? t('customer.inPool'));
  // Fields the caller's role hides are absent from the answer, and so from the page.
  if ('phone' in customer) add('phone', t('customer.phone'), customer.phone);
  if ('email' in customer) add('email', t('customer.email'), customer.email);
  if (customer.kind === 'company') {
    add('creditCode', t('customer.creditCode'), customer.creditCode);
    add('industry', t('customer.industry'), industries.label(customer.industry));
    add('scale', t('customer.scale'), customer.scale ? t(`scale.${customer.scale}`) : empty);
    add('website', t('customer.website'), customer.website);
  } else {
    add('gender', t('customer.gender'), customer.gender ? t(`gender.${customer.gender}`) : empty);
    add('birthday', t('customer.birthday'), customer.birthday);
  }
  add('region', t('customer.region'), region || empty);
  if ('address' in customer) add('address', t('customer.address'), customer.address, 2);
  add(
    'tags',
    t('customer.tags'),
    customer.tags.length > 0 ? (
      <Space size={4} wrap>
        {customer.tags.map((tag) => (
          <Tag key={tag}>{tag}</Tag>
        ))}
      </Space>
    ) : (
      empty
    ),
    3,
  );
  if ('remarks' in customer) {
    add(
      'remarks',
      t('customer.remarks'),
      <span style={{ whiteSpace: 'pre-wrap' }}>{customer.remarks ?? empty}</span>,
      3,
    );
  }
  add('createdAt', t('customer.createdAt'), time(customer.createdAt));
  add('updatedAt', t('customer.updatedAt'), time(customer.updatedAt));
  return items;
}
