export { CustomerValueTab } from './CustomerValueTab';
