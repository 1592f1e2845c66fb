import { defineModule } from '../../platform/module-kit/module-definition.js';
import { contactsMessages } from './contacts.messages.js';
import { contactsRoutes } from './contacts.routes.js';
export { createContactsService, type ContactsService } from './contacts.service.js';
export { contactFieldAccess } from './contacts.fields.js';
export { findContactByName, insertImportedContact } from './contacts.import.js';
export { contactDerivedColumns } from './contacts.values.js';
export { makeImportedContactPrimary, primariesForImportedContacts } from './contacts.import-primaries.js';
export {
  findContactsForImport,
  insertContactRows,
  updateContactForImport,
  type ContactImportRow,
} from './contacts.import-lookups.js';

export const contactsModule = defineModule({ name: 'contacts', messages: contactsMessages, routes: contactsRoutes });
