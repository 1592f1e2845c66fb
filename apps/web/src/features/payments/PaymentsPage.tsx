import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { InstallmentListTab } from './InstallmentListTab';
import { PaymentListTab } from './PaymentListTab';
import { ImportButton } from '../imports';

/** 回款: payments received and payment plan installments, one tab each (`?tab=plans`). */
export default function PaymentsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'plans' ? 'plans' : 'payments';
  return (
    <Card title={t('payment.title')} extra={<ImportButton kinds={['payments']} />}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'plans' ? { tab: 'plans' } : {}, { replace: true })}
        items={[
          { key: 'payments', label: t('payment.tabPayments'), children: <PaymentListTab /> },
          { key: 'plans', label: t('payment.tabPlans'), children: <InstallmentListTab /> },
        ]}
      />
    </Card>
  );
}
