import type { Strings } from './catalog';
import type searchZhCN from './search.zh-CN';

/** Header quick search (en). */
const searchEn: Strings<typeof searchZhCN> = {
  quickSearch: {
    placeholder: 'Search customers, contacts, leads (name, pinyin initials, phone suffix)',
    customers: 'Customers',
    contacts: 'Contacts',
    leads: 'Leads',
    noResults: 'No matching records',
    owner: 'Owner: {{owner}}',
    inPool: 'In pool',
    contactOf: 'Contact at {{customer}}',
  },
};

export default searchEn;
