export { contactsRoutes } from './contacts.routes.js';
export { createContactsService, type ContactsService } from './contacts.service.js';
export { contactFieldAccess } from './contacts.fields.js';
