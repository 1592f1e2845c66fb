export { CustomerOpportunitiesTab } from './CustomerOpportunitiesTab';
export { CustomerPicker } from './CustomerPicker';
