import type { Strings } from './catalog';
import type navZhCN from './nav.zh-CN';

/** The app's frame: menu groups, phone header buttons, breadcrumbs (en). */
const navEn: Strings<typeof navZhCN> = {
  nav: {
    workspace: 'Workspace',
    customers: 'Customers',
    sales: 'Sales',
    orders: 'Orders & finance',
    stock: 'Stock',
    service: 'Service',
    reports: 'Reports',
    openMenu: 'Open menu',
    openSearch: 'Search',
    detail: 'Details',
    create: 'New',
    edit: 'Edit',
    print: 'Print',
    filter: 'Filter',
    filterTitle: 'Filter customers',
  },
};

export default navEn;
