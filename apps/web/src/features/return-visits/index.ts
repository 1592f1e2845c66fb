/** The customer page's return-visits tab. */
export { CustomerReturnVisitsTab } from './CustomerReturnVisitsTab';
