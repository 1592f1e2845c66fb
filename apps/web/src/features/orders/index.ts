export { CustomerOrdersTab } from './CustomerOrdersTab';
export { OpportunityOrdersCard, newOrderPathFor } from './OpportunityOrdersCard';
