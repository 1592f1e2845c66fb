export { CustomerFormDrawer } from './CustomerFormDrawer';
export { PHASE_COLORS, useCustomerOptions } from './customerOptions';
export { customerListPath } from './customerListParams';
export {
  customerCountKey,
  customerKeys,
  customerQueryOptions,
  fetchCustomerCount,
  useCustomer,
  useDeleteCustomer,
} from './customers.queries';
export { useDescriptionItems } from './useDescriptionItems';
export { type TimelineEntry, useFieldChangeEntries } from './useFieldChangeEntries';
export { useCustomerAudit } from './customerAudit.queries';
