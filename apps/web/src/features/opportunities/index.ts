export { CustomerOpportunitiesTab } from './CustomerOpportunitiesTab';
