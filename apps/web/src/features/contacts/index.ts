export { ContactsTab } from './ContactsTab';
export { useCustomerContacts } from './contacts.queries';
