import type { Strings } from './catalog';
import type accessZhCN from './access.zh-CN';

/** Roles and permissions vocabulary (en). */
const accessEn: Strings<typeof accessZhCN> = {
  permissionModule: {
    customers: 'Customers',
    departments: 'Departments',
    users: 'Users',
    roles: 'Roles',
    audit: 'Audit log',
    contacts: 'Contacts',
    lifecycle: 'Lifecycle',
    pools: 'Customer pools',
    jobs: 'Jobs',
    leads: 'Leads',
    followups: 'Follow-ups',
    visits: 'Visits (check-in)',
    tasks: 'Tasks',
    reports: 'Work reports',
    plans: 'Work plans',
    opportunities: 'Opportunities',
    team: 'Team activity',
  },
  permissionAction: {
    view: 'View',
    create: 'Create',
    edit: 'Edit',
    delete: 'Delete',
    assign: 'Assign',
    export: 'Export',
    import: 'Import',
    manage: 'Manage',
    move: 'Move stage',
    approve: 'Approve',
    claim: 'Claim',
    convert: 'Convert',
    review: 'Review',
  },
  fieldAccess: {
    hidden: 'Hidden',
    read: 'Read-only',
    edit: 'Editable',
  },
  protectedField: {
    'customers.phone': 'Customer · Phone',
    'customers.email': 'Customer · Email',
    'customers.address': 'Customer · Address',
    'customers.remarks': 'Customer · Remarks',
  },
};

export default accessEn;
