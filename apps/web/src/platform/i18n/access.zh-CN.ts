/** Roles and permissions vocabulary (zh-CN). */
const accessZhCN = {
  permissionModule: {
    customers: '客户',
    departments: '部门',
    users: '用户',
    roles: '角色',
    audit: '审计日志',
    contacts: '联系人',
    lifecycle: '客户阶段',
    pools: '公海',
    jobs: '定时任务',
    leads: '线索',
  },
  permissionAction: {
    view: '查看',
    create: '新建',
    edit: '编辑',
    delete: '删除',
    assign: '分配',
    export: '导出',
    import: '导入',
    manage: '管理',
    move: '变更阶段',
    approve: '审批',
    claim: '领取',
    convert: '转化',
  },
  fieldAccess: {
    hidden: '隐藏',
    read: '只读',
    edit: '可编辑',
  },
  protectedField: {
    'customers.phone': '客户 · 电话',
    'customers.email': '客户 · 邮箱',
    'customers.address': '客户 · 地址',
    'customers.remarks': '客户 · 备注',
  },
};

export default accessZhCN;
