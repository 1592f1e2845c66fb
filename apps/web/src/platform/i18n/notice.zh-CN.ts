/** Notification centre and to-dos (zh-CN). */
const noticeZhCN = {
  notice: {
    bell: '通知',
    title: '通知',
    markRead: '标为已读',
    markAllRead: '全部已读',
    empty: '暂无通知',
    unreadOnly: '只看未读',
    relationship_decline: '客户“{{customerName}}”进入衰退期，请决定挽回还是放弃',
    customer_stuck: '客户“{{customerName}}”在“{{stageName}}”阶段停留已超过 {{days}} 天',
    stage_approval_requested:
      '{{requesterName}} 申请将客户“{{customerName}}”从“{{fromName}}”变更为“{{toName}}”，待你审批',
    stage_approval_decided: '客户“{{customerName}}”的阶段变更申请（→ “{{toName}}”）已{{decision}}',
    pool_reclaim_reminder: '客户“{{customerName}}”将在 {{days}} 天后被收回公海',
    pool_reclaimed: '客户“{{customerName}}”已被收回到公海“{{poolName}}”',
    return_visit_low_score: '回访：客户“{{customerName}}”满意度仅 {{score}} 分（满分 5 分，{{handlerName}}）',
    unknown: '新通知',
    approved: '通过',
    rejected: '驳回',
  },
  todo: {
    title: '待办',
    menu: '我的待办',
    open: '未完成',
    done: '已完成',
    markDone: '完成',
    doneOk: '待办已完成',
    item: '事项',
    customer: '客户',
    dueAt: '截止时间',
    createdAt: '创建时间',
    doneAt: '完成时间',
    relationship_decline: '衰退期客户待决策：“{{customerName}}”（挽回或放弃）',
    customer_stuck: '跟进停滞客户：“{{customerName}}”（{{stageName}}）',
    stage_approval: '审批阶段变更：“{{customerName}}” {{fromName}} → {{toName}}',
    unknown: '待办事项',
    openCustomer: '查看客户',
  },
};

export default noticeZhCN;
