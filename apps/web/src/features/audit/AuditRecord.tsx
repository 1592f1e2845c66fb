import { FilterOutlined } from '@ant-design/icons';
import type { AuditEntry } from '@guanxi/contract';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IconAction } from '../../platform/ui/IconAction';
import { useAuditText } from './useAuditText';

/** Record types with a page of their own, so an entry links to what it changed. */
const PAGES: Partial<Record<string, string>> = {
  customer: '/customers',
  customer_credit: '/customers',
  lead: '/leads',
  opportunity: '/opportunities',
  order: '/orders',
  payment_plan: '/orders',
  work_report: '/work-reports',
  work_plan: '/work-plans',
};

/** "客户 · 华为技术有限公司" with a link to the record and a button to see only its entries. */
export function AuditRecord({ entry, onFilter }: { entry: AuditEntry; onFilter?: (entry: AuditEntry) => void }) {
  const { t } = useTranslation();
  const { entityLabel } = useAuditText();
  const page = PAGES[entry.entity];
  const name = entry.entityName;
  return (
    <span>
      <Typography.Text type="secondary">{entityLabel(entry.entity)} </Typography.Text>
      {name &&
        (page ? (
          <Link to={`${page}/${entry.entityId}`} data-testid="audit-record-link">
            {name}
          </Link>
        ) : (
          <Typography.Text>{name}</Typography.Text>
        ))}
      {onFilter && (
        <IconAction label={t('audit.filterRecord')} icon={<FilterOutlined />} onClick={() => onFilter(entry)} />
      )}
    </span>
  );
}
