/** Lifecycle settings: stages and transition approvals (zh-CN). */
const stageSettingsZhCN = {
  stageSettings: {
    menu: '客户阶段设置',
    stagesTitle: '客户阶段',
    code: '阶段',
    nameZh: '中文名称',
    nameEn: '英文名称',
    nameRequired: '请输入名称',
    expectedDwellDays: '预期停留（天）',
    noLimit: '不限',
    active: '启用',
    rulesTitle: '阶段变更审批',
    rulesHint: '以下手动变更需要负责人的上级审批；“任意阶段”表示从任何阶段。',
    from: '从',
    to: '到',
    anyStage: '任意阶段',
    addRule: '添加规则',
    removeRule: '删除',
    ruleValuesTitle: '规则参数',
    lostAfterDays: '购买后无订单多少天转为流失客户',
    stuckRepeatDays: '停滞提醒每隔多少天重复',
    nameSimilarityPercent: '查重：名称相似度达到多少视为疑似重复',
    nameSimilarityHelp: '两个规范化名称共有的双字组比例（默认 60%）。数值越低，提示的疑似重复越多。',
    days: '天',
    save: '保存',
    saved: '已保存',
  },
};

export default stageSettingsZhCN;
