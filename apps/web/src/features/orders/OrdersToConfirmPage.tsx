import OrderListPage from './OrderListPage';

/** Finance's queue (待确认): submitted orders waiting for confirmation. */
export default function OrdersToConfirmPage() {
  return <OrderListPage toConfirm />;
}
