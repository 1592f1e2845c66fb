import type { Strings } from './catalog';
import type customFieldZhCN from './customField.zh-CN';

/** Custom fields: the settings page, forms, detail pages and list (en). */
const customFieldEn: Strings<typeof customFieldZhCN> = {
  customField: {
    menu: 'Custom fields',
    title: 'Custom fields',
    section: 'Custom fields',
    intro:
      'Add your own fields to customers, contacts, opportunities and orders. They appear in forms and detail pages; on the customer list also as columns, filters and export columns.',
    new: 'New field',
    edit: 'Edit field',
    empty: 'No custom fields yet. Add the first with "New field".',
    entity: 'Record type',
    entities: { customer: 'Customer', contact: 'Contact', opportunity: 'Opportunity', order: 'Order' },
    label: 'Name',
    labelEn: 'English name',
    key: 'Key',
    keyHint: 'Left empty, it is made from the name; it cannot change after saving',
    type: 'Type',
    types: {
      text: 'Text',
      number: 'Number',
      money: 'Amount',
      date: 'Date',
      select: 'Single choice',
      multiselect: 'Multiple choice',
      person: 'Colleague',
    },
    options: 'Options',
    optionLabel: 'Option name',
    optionLabelEn: 'English name',
    optionActive: 'Active',
    addOption: 'Add option',
    optionsRequired: 'Add at least one option',
    required: 'Required',
    showInList: 'Show in the list by default',
    showOnDetail: 'Show on the detail page',
    sortOrder: 'Order',
    archive: 'Archive',
    restore: 'Restore',
    archived: 'Archived',
    formerColleague: 'Deactivated user',
    filterPlaceholder: 'Filter by custom field',
    filterValue: 'Value',
    filterField: 'Field',
    requiredTag: 'Required',
    listTag: 'List column',
  },
};

export default customFieldEn;
