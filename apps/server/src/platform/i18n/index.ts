// Server messages: the platform catalog, lookups, and registration of the modules' catalogs.
export { en, zhCN, type MessageCatalog, type MessageKey, type PlatformMessageKey } from './messages.js';
export { fieldLabel, isMessageKey, localeFromHeader, registerMessageCatalogs, translate } from './translate.js';
