import type { Strings } from './catalog';
import type stageSettingsZhCN from './stageSettings.zh-CN';

/** Lifecycle settings: stages and transition approvals (en). */
const stageSettingsEn: Strings<typeof stageSettingsZhCN> = {
  stageSettings: {
    menu: 'Lifecycle stages',
    stagesTitle: 'Lifecycle stages',
    code: 'Stage',
    nameZh: 'Chinese name',
    nameEn: 'English name',
    nameRequired: 'Please enter a name',
    expectedDwellDays: 'Expected dwell (days)',
    noLimit: 'No limit',
    active: 'Active',
    rulesTitle: 'Transition approvals',
    rulesHint: "These manual moves need the owner's manager to approve; “Any stage” means from every stage.",
    from: 'From',
    to: 'To',
    anyStage: 'Any stage',
    addRule: 'Add rule',
    removeRule: 'Remove',
    ruleValuesTitle: 'Rule values',
    lostAfterDays: 'Days without an order after a purchase before a customer is lost',
    stuckRepeatDays: 'Repeat stuck alerts every (days)',
    nameSimilarityPercent: 'Duplicate check: flag names at least this similar',
    nameSimilarityHelp:
      'Share of character pairs two normalized names have in common (default 60 %). Lower finds more possible duplicates.',
    days: 'days',
    save: 'Save',
    saved: 'Saved',
  },
};

export default stageSettingsEn;
