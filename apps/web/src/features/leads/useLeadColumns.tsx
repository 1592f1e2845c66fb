import type { Lead } from '@guanxi/contract';
import { Button, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDictionary } from '../../platform/dictionaries';
import { Link } from 'react-router';
import { LeadStatusTag } from './LeadStatusTag';

const dash = (value: string | null | undefined, empty: string) => (value ? value : empty);

/** Columns shared by "my leads" and a lead pool's table; `detailLinks` makes the name a link. */
export function useLeadColumns(options: {
  detailLinks: boolean;
  isTrash?: boolean;
  restoringId?: string;
  onRestore?: (lead: Lead) => void;
}): TableColumnsType<Lead> {
  const { t, i18n } = useTranslation();
  const sources = useDictionary('source');
  const empty = t('common.empty');
  const columns: TableColumnsType<Lead> = [
    {
      key: 'name',
      title: t('lead.name'),
      width: 140,
      render: (_, lead) =>
        options.detailLinks && !options.isTrash ? <Link to={`/leads/${lead.id}`}>{lead.name}</Link> : lead.name,
    },
    { key: 'companyName', title: t('lead.companyName'), render: (_, lead) => dash(lead.companyName, empty) },
    { key: 'title', title: t('lead.jobTitle'), width: 110, render: (_, lead) => dash(lead.title, empty) },
    { key: 'mobile', title: t('lead.mobile'), width: 130, render: (_, lead) => dash(lead.mobile, empty) },
    {
      key: 'source',
      title: t('lead.source'),
      width: 110,
      render: (_, lead) => sources.label(lead.source) ?? empty,
    },
    { key: 'pool', title: t('lead.pool'), width: 140, render: (_, lead) => dash(lead.poolName, empty) },
    { key: 'owner', title: t('lead.owner'), width: 110, render: (_, lead) => dash(lead.ownerName, empty) },
    { key: 'status', title: t('lead.status'), width: 100, render: (_, lead) => <LeadStatusTag status={lead.status} /> },
    {
      key: 'createdAt',
      title: t('lead.createdAt'),
      width: 170,
      render: (_, lead) => new Date(lead.createdAt).toLocaleString(i18n.language),
    },
  ];
  if (options.isTrash && options.onRestore) {
    const onRestore = options.onRestore;
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 100,
      fixed: 'right',
      render: (_, lead) => (
        <Button
          size="small"
          onClick={() => onRestore(lead)}
          loading={options.restoringId === lead.id}
          data-testid="lead-restore"
        >
          {t('lead.restore')}
        </Button>
      ),
    });
  }
  return columns;
}
