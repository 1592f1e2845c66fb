import type { Strings } from './catalog';
import type stageStrategyZhCN from './stageStrategy.zh-CN';

/** Per-stage strategy: follow-up cadence, default tasks, first-order care (en). */
const stageStrategyEn: Strings<typeof stageStrategyZhCN> = {
  stageStrategy: {
    title: 'Stage strategy',
    hint: 'For each stage: how often to follow up, the tasks created for the owner on entering it, and whether first orders get extra care.',
    followUpEveryDays: 'Follow up every',
    days: 'days',
    noCadence: 'None',
    defaultTasks: 'Tasks created on entering the stage',
    noTasks: 'No default tasks',
    taskTitle: 'Task title',
    taskTitleRequired: 'Please enter a task title',
    kind: 'Kind',
    kinds: { call: 'Call', visit: 'Visit', other: 'Other' },
    dueAfterDays: 'Due after (days)',
    dueAfter: 'due after {{count}} days',
    dueAfter_one: 'due after {{count}} day',
    dueSuffix: 'days later',
    addTask: 'Add task',
    removeTask: 'Remove task',
    firstOrderCare: 'First-order care',
    firstOrderCareHelp:
      "The customer's first confirmed order is tagged “First order”; after delivery the owner gets a return-visit task.",
    returnVisitDays: 'Return visit after delivery (days)',
    save: 'Save stage strategy',
  },
  firstOrder: {
    tag: 'First order',
    tagHint: "The customer's first order: quality and delivery must not go wrong",
    filter: 'First orders only',
  },
  followUpCadence: {
    overdue: 'Follow up every {{every}} days — last one {{count}} days ago',
    overdue_one: 'Follow up every {{every}} days — last one {{count}} day ago',
    overdueNever: 'Follow up every {{every}} days — none in the {{count}} days since the customer was created',
    overdueNever_one: 'Follow up every {{every}} days — none in the {{count}} day since the customer was created',
    onTrack: 'Follow up every {{every}} days — last one {{count}} days ago',
    onTrack_one: 'Follow up every {{every}} days — last one {{count}} day ago',
    filter: 'Follow-up overdue',
  },
};

export default stageStrategyEn;
