export { InboxSections } from './InboxSections';
export { InboxCounts } from './InboxCounts';
