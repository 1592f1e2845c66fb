/** Per-stage strategy: follow-up cadence, default tasks, first-order care (zh-CN). */
const stageStrategyZhCN = {
  stageStrategy: {
    title: '阶段策略',
    hint: '为每个阶段设定跟进频率、进入该阶段时自动给负责人创建的任务，以及是否对首单特别关照。',
    followUpEveryDays: '每隔几天跟进一次',
    days: '天',
    noCadence: '不要求',
    defaultTasks: '进入阶段时创建的任务',
    noTasks: '无默认任务',
    taskTitle: '任务标题',
    taskTitleRequired: '请输入任务标题',
    kind: '方式',
    kinds: { call: '电话', visit: '拜访', other: '其他' },
    dueAfterDays: '几天后到期',
    dueAfter: '{{count}} 天后到期',
    dueAfter_one: '{{count}} 天后到期',
    dueSuffix: '天后到期',
    addTask: '添加任务',
    removeTask: '删除任务',
    firstOrderCare: '首单关怀',
    firstOrderCareHelp: '客户的首个确认订单标记为“首单”，交付后给负责人创建回访任务。',
    returnVisitDays: '交付后几天回访',
    save: '保存阶段策略',
  },
  firstOrder: {
    tag: '首单',
    tagHint: '客户的第一个订单：质量和交付务必不出差错',
    filter: '只看首单',
  },
  followUpCadence: {
    overdue: '应每 {{every}} 天跟进一次，已 {{count}} 天未跟进',
    overdue_one: '应每 {{every}} 天跟进一次，已 {{count}} 天未跟进',
    overdueNever: '应每 {{every}} 天跟进一次，建档 {{count}} 天仍未跟进',
    overdueNever_one: '应每 {{every}} 天跟进一次，建档 {{count}} 天仍未跟进',
    onTrack: '应每 {{every}} 天跟进一次，上次跟进在 {{count}} 天前',
    onTrack_one: '应每 {{every}} 天跟进一次，上次跟进在 {{count}} 天前',
    filter: '跟进逾期',
  },
};

export default stageStrategyZhCN;
