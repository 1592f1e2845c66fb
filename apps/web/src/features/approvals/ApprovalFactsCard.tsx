import type { ApprovalContextFacts } from '@guanxi/contract';
import { Alert, Card, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApprovalContext } from './approvals.queries';
import { CreditApprovalCard } from './CreditApprovalCard';
import { ExpenseApprovalCard } from './ExpenseApprovalCard';
import { PointsApprovalCard } from './PointsApprovalCard';
import { PriceApprovalCard } from './PriceApprovalCard';
import { StageApprovalCard } from './StageApprovalCard';

/** The facts of one approval kind, as its card receives them. */
export type FactsOf<K extends ApprovalContextFacts['kind']> = Extract<ApprovalContextFacts, { kind: K }>;

function Facts({ facts }: { facts: ApprovalContextFacts }) {
  switch (facts.kind) {
    case 'price':
      return <PriceApprovalCard facts={facts} />;
    case 'credit':
      return <CreditApprovalCard facts={facts} />;
    case 'expense':
      return <ExpenseApprovalCard facts={facts} />;
    case 'stage':
      return <StageApprovalCard facts={facts} />;
    case 'points':
      return <PointsApprovalCard facts={facts} />;
  }
}

/**
 * The decision card's body: the facts the owning module reports for the request's type. A type no
 * module describes (a contract, so far) or a record since deleted falls back to title and reason.
 */
export function ApprovalFactsCard({ id }: { id: string }) {
  const { t } = useTranslation();
  const context = useApprovalContext(id);
  return (
    <Card size="small" title={t('approvalCard.facts')} data-testid="approval-card">
      {context.isPending ? (
        <Skeleton active />
      ) : context.isError ? (
        <Alert type="error" showIcon title={context.error.message} />
      ) : context.data ? (
        <Facts facts={context.data} />
      ) : (
        <Alert type="info" showIcon title={t('approvalCard.noFacts')} />
      )}
    </Card>
  );
}
