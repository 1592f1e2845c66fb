export { CustomerComplaintsTab } from './CustomerComplaintsTab';
