export { CustomerOrdersTab } from './CustomerOrdersTab';
