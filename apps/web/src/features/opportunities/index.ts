export { CustomerOpportunitiesTab } from './CustomerOpportunitiesTab';
export { OpportunityFormDrawer } from './OpportunityFormDrawer';
