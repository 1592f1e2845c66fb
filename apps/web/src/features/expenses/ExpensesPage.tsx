import { Card, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useHasPermission, useMe } from '../../platform/session.queries';
import { ExpenseDrawer } from './ExpenseDrawer';
import { ExpenseTable } from './ExpenseTable';
import { ExpenseTotalsTab } from './ExpenseTotalsTab';
import { NewButton } from '../../platform/ui/NewButton';

/** 费用报销: my expenses, the team's (for whoever sees more than their own), monthly totals. */
export default function ExpensesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canCreate = useHasPermission('expenses.create');
  const seesTeam = me.data !== undefined && me.data.dataScope !== 'own';
  // `/expenses?open=<id>` opens one expense (links from approvals and notifications).
  const [params, setParams] = useSearchParams();
  const linked = params.get('open') ?? undefined;
  const [drawer, setDrawer] = useState<{ open: boolean; id?: string }>(() =>
    linked ? { open: true, id: linked } : { open: false },
  );
  const openExpense = (expense: { id: string }) => setDrawer({ open: true, id: expense.id });
  const closeDrawer = () => {
    setDrawer({ open: false });
    if (linked) setParams({}, { replace: true });
  };

  return (
    <Card
      title={t('expense.title')}
      extra={
        canCreate && (
          <NewButton type="primary" onClick={() => setDrawer({ open: true })} data-testid="expense-new">
            {t('expense.new')}
          </NewButton>
        )
      }
    >
      <Tabs
        destroyOnHidden
        items={[
          { key: 'mine', label: t('expense.tabMine'), children: <ExpenseTable mine onOpen={openExpense} /> },
          ...(seesTeam
            ? [
                {
                  key: 'team',
                  label: t('expense.tabTeam'),
                  children: <ExpenseTable mine={false} onOpen={openExpense} />,
                },
              ]
            : []),
          { key: 'totals', label: t('expense.tabTotals'), children: <ExpenseTotalsTab /> },
        ]}
      />
      <ExpenseDrawer open={drawer.open} expenseId={drawer.id} onClose={closeDrawer} />
    </Card>
  );
}
