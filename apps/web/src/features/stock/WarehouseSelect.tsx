import { Select, type SelectProps } from 'antd';
import { useWarehouses } from './stock.queries';

/** A warehouse picker; inactive warehouses are left out unless `includeInactive`. */
export function WarehouseSelect({ includeInactive, ...props }: SelectProps<string> & { includeInactive?: boolean }) {
  const warehouses = useWarehouses();
  const options = (warehouses.data ?? [])
    .filter((w) => includeInactive || w.active)
    .map((w) => ({ value: w.id, label: `${w.name} (${w.code})` }));
  return <Select<string> loading={warehouses.isPending} options={options} {...props} />;
}
