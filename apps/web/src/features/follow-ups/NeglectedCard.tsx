import { endpoints, type NeglectedCustomers } from '@guanxi/contract';
import { Card, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNeglectedCustomers } from './followUps.queries';
import { ListTable } from '../../platform/ui/ListTable';
import { ExportButton } from '../../platform/ui/ExportButton';

type Row = NeglectedCustomers['rows'][number];

/** Customers of the team without a follow-up for 7/15/30/90/180 days, per owner; counts link to the customer list. */
export function NeglectedCard() {
  const { t } = useTranslation();
  const neglected = useNeglectedCustomers();
  const days = neglected.data?.days ?? [];
  const link = (ownerId: string | null, d: number, count: number) =>
    count === 0 ? (
      0
    ) : (
      <Link to={`/customers?noFollowUpDays=${d}${ownerId ? `&ownerId=${ownerId}` : ''}`} data-testid={`neglected-${d}`}>
        {count}
      </Link>
    );
  const columns: TableColumnsType<Row> = [
    { key: 'owner', title: t('team.owner'), dataIndex: 'ownerName', fixed: 'left', width: 110 },
    ...days.map((d, i) => ({
      key: String(d),
      title: t('team.neglectedDays', { days: d }),
      align: 'center' as const,
      render: (_: unknown, row: Row) => link(row.ownerId, d, row.counts[i] ?? 0),
    })),
  ];
  return (
    <Card
      title={t('team.neglected')}
      extra={<ExportButton endpoint={endpoints.teamActivity.exportNeglected} query={{}} />}
    >
      <ListTable<Row>
        rowKey="ownerId"
        size="small"
        columns={columns}
        rows={neglected.data?.rows ?? []}
        loading={neglected.isPending}
        scroll={{ x: 'max-content' }}
        summary={() =>
          neglected.data && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t('team.allTeam')}</Table.Summary.Cell>
              {neglected.data.totals.map((n, i) => (
                <Table.Summary.Cell key={days[i]} index={i + 1} align="center">
                  {link(null, days[i]!, n)}
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          )
        }
        testId="neglected-table"
      />
    </Card>
  );
}
