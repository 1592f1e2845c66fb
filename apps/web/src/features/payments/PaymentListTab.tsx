import { endpoints, type Payment } from '@guanxi/contract';
import { Checkbox, DatePicker, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../../platform/session.queries';
import { useMethodOptions } from './paymentDisplay';
import { usePayments, type PaymentFilters } from './payments.queries';
import { RecordPaymentDrawer } from './RecordPaymentDrawer';
import { usePaymentColumns } from './usePaymentColumns';
import { VoidPaymentModal } from './VoidPaymentModal';
import { PagedTable } from '../../platform/ui/PagedTable';
import { NewButton } from '../../platform/ui/NewButton';
import { ExportButton } from '../../platform/ui/ExportButton';

/** The payments in the caller's scope, latest received first, with filters, recording and voiding. */
export function PaymentListTab() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<PaymentFilters>({});
  const [isRecordOpen, setRecordOpen] = useState(false);
  const [voiding, setVoiding] = useState<Payment | null>(null);
  const canCreate = useHasPermission('payments.create');
  const canVoid = useHasPermission('payments.void');
  const payments = usePayments(filters);
  const methodOptions = useMethodOptions();
  const columns = usePaymentColumns({ withOrder: true, onVoid: canVoid ? setVoiding : undefined });
  const set = (next: Partial<PaymentFilters>) => setFilters((current) => ({ ...current, ...next }));

  return (
    <>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <DatePicker.RangePicker
            placeholder={[t('payment.dateRange'), t('payment.dateRange')]}
            onChange={(range) => set({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
          />
          <Select
            allowClear
            placeholder={t('payment.method')}
            options={methodOptions}
            onChange={(method?: PaymentFilters['method']) => set({ method })}
            style={{ width: 140 }}
          />
          <Checkbox onChange={(e) => set({ includeVoided: e.target.checked || undefined })}>
            {t('payment.includeVoided')}
          </Checkbox>
        </Space>
        <Space wrap>
          <ExportButton endpoint={endpoints.payments.export} query={filters} />
          {canCreate && (
            <NewButton type="primary" onClick={() => setRecordOpen(true)} data-testid="payment-new">
              {t('payment.record')}
            </NewButton>
          )}
        </Space>
      </Space>
      <PagedTable
        pages={payments}
        columns={columns}
        scroll={{ x: 960 }}
        empty={t('payment.empty')}
        testId="payment-table"
      />
      <RecordPaymentDrawer open={isRecordOpen} onClose={() => setRecordOpen(false)} />
      <VoidPaymentModal payment={voiding} onClose={() => setVoiding(null)} />
    </>
  );
}
