/** The member program's screens (issue 15); the customer page shows the membership card. */
export { CustomerMemberCard } from './CustomerMemberCard';
