export { InboxSections } from './InboxSections';
