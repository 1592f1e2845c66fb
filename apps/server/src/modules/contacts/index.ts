export { contactsRoutes } from './contacts.routes.js';
export { createContactsService, type ContactsService } from './contacts.service.js';
