import { Space } from 'antd';
import { InboxCounts } from '../inbox';
import OrderListPage from './OrderListPage';

/** Finance's queue (待确认): submitted orders waiting for confirmation, under finance's waiting work in counts. */
export default function OrdersToConfirmPage() {
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <InboxCounts />
      <OrderListPage toConfirm />
    </Space>
  );
}
