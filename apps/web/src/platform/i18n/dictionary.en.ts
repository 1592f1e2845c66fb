import type { Strings } from './catalog';
import type dictionaryZhCN from './dictionary.zh-CN';

/** The organization's dictionaries settings (en). */
const dictionaryEn: Strings<typeof dictionaryZhCN> = {
  dictionary: {
    menu: 'Dictionaries',
    title: 'Dictionaries',
    hint: 'Administrators keep the choices for customer sources, industries and customer tiers. Entries cannot be deleted, only deactivated: existing records keep showing a deactivated entry, but new records and filters no longer offer it.',
    kinds: {
      source: 'Sources',
      industry: 'Industries',
      tier: 'Customer tiers',
    },
    kindHints: {
      source: 'Leads and customers share this list of sources.',
      industry: "The customer's industry. Industries typed in by hand before still show as typed.",
      tier: "Customer tiers (set by hand). Each pool can give a tier its own reclaim days in the pool's settings; a tier without them uses the pool's default days.",
    },
    nameZh: 'Chinese name',
    nameEn: 'English name',
    otherName: '{{label}}: {{name}}',
    code: 'Code (optional)',
    codeHint:
      'Left empty, it is made from the name. It cannot change once saved; imports and the API identify the entry by it.',
    codeRule: 'Letters, digits and underscores only, at most 32 characters',
    add: 'Add entry',
    edit: 'Edit entry',
    inactive: 'Inactive',
    builtIn: 'Built-in',
    activate: 'Activate',
    deactivate: 'Deactivate',
    moveUp: 'Move up',
    moveDown: 'Move down',
    deactivated: 'Deactivated “{{name}}”; existing records still show it',
    activated: 'Activated “{{name}}”',
    lossReasonsTitle: 'Loss reasons',
    lossReasonsHint: "Opportunities' loss reasons and competitors are kept on a page of their own.",
    lossReasonsLink: 'Manage loss reasons',
    empty: 'No entries yet. Add one with "Add entry"',
  },
};

export default dictionaryEn;
