import complaintZhCN from './complaint.zh-CN';
import handoverZhCN from './handover.zh-CN';
import accessZhCN from './access.zh-CN';
import customerZhCN from './customer.zh-CN';
import lifecycleZhCN from './lifecycle.zh-CN';
import noticeZhCN from './notice.zh-CN';
import ownershipZhCN from './ownership.zh-CN';
import poolZhCN from './pool.zh-CN';
import jobZhCN from './job.zh-CN';
import leadZhCN from './lead.zh-CN';
import searchZhCN from './search.zh-CN';
import navZhCN from './nav.zh-CN';
import stageSettingsZhCN from './stageSettings.zh-CN';
import stageStrategyZhCN from './stageStrategy.zh-CN';
import customerViewsZhCN from './customerViews.zh-CN';
import opportunityZhCN from './opportunity.zh-CN';
import customFieldZhCN from './customField.zh-CN';
import competitionZhCN from './competition.zh-CN';
import followUpZhCN from './followUp.zh-CN';
import dictionaryZhCN from './dictionary.zh-CN';
import serviceZhCN from './service.zh-CN';
import workZhCN from './work.zh-CN';
import approvalsZhCN from './money.approvals.zh-CN';
import productsZhCN from './money.products.zh-CN';
import ordersZhCN from './money.orders.zh-CN';
import orderEntryZhCN from './orderEntry.zh-CN';
import stockZhCN from './money.stock.zh-CN';
import paymentsZhCN from './money.payments.zh-CN';
import expensesZhCN from './money.expenses.zh-CN';
import valueZhCN from './money.value.zh-CN';
import auditZhCN from './audit.zh-CN';
import tenantZhCN from './tenant.zh-CN';
import dataExportZhCN from './dataExport.zh-CN';
import exportZhCN from './export.zh-CN';
import importZhCN from './import.zh-CN';
import relationshipZhCN from './relationship.zh-CN';
import customer360ZhCN from './customer360.zh-CN';
import memberZhCN from './member.zh-CN';

/** Simplified Chinese catalog — the default language and the source of the key set. */
const zhCN = {
  common: {
    appName: '关系 Guanxi',
    save: '保存',
    cancel: '取消',
    create: '新建',
    edit: '编辑',
    delete: '删除',
    confirm: '确定',
    reload: '重新加载',
    search: '搜索',
    actions: '操作',
    loadMore: '加载更多',
    noMore: '没有更多了',
    total: '共 {{count}} 条',
    totalEstimate: '约 {{count}} 条',
    requestFailed: '请求失败（{{status}}）',
    saved: '已保存',
    deleted: '已删除',
    back: '返回',
    empty: '—',
    yes: '是',
    no: '否',
    close: '关闭',
    all: '全部',
    loadFailed: '加载失败',
    notFound: '页面不存在',
    noAccess: '您没有访问此页面的权限',
    noAccessHint: '如工作需要，请联系管理员开通相应权限。',
    home: '返回首页',
  },
  lang: {
    switchLabel: '切换语言',
    toggle: 'English',
  },
  locale: {
    'zh-CN': '简体中文',
    en: 'English',
  },
  menu: {
    workbench: '工作台',
    customers: '客户',
    settings: '设置',
    departments: '部门',
    users: '用户',
    roles: '角色',
  },
  auth: {
    loginTitle: '登录',
    loginSubtitle: '面向中小企业的开源客户关系管理',
    username: '用户名',
    password: '密码',
    submit: '登录',
    demoHint: '演示账号：admin / guanxi-demo',
    usernameRequired: '请输入用户名',
    passwordRequired: '请输入密码',
    logout: '退出登录',
    changePassword: '修改密码',
    currentPassword: '当前密码',
    newPassword: '新密码',
    confirmPassword: '确认新密码',
    passwordMismatch: '两次输入的密码不一致',
    passwordMin: '密码至少 {{count}} 个字符',
    passwordChanged: '密码已修改',
    apiTokens: 'API 令牌',
  },
  workbench: {
    welcome: '你好，{{name}}',
    scope: '数据权限：{{scope}}',
    visibleCustomers: '可见客户',
    interestedCustomers: '意向客户',
    repeatCustomers: '复购客户',
    stageChart: '各阶段客户数',
    customerCount: '客户数',
  },
  dataScope: {
    own: '本人',
    own_subordinates: '本人及下属',
    department: '本部门',
    department_tree: '本部门及下属部门',
    all: '全部',
  },
  department: {
    title: '部门',
    addRoot: '新建顶级部门',
    addChild: '添加子部门',
    rename: '重命名',
    move: '移动',
    name: '部门名称',
    parent: '上级部门',
    topLevel: '（顶级部门）',
    nameRequired: '请输入部门名称',
    userCount: '{{count}} 人',
    // English needs a singular form (i18next picks `_one` for 1); Chinese has only the one.
    userCount_one: '{{count}} 人',
    deleteConfirm: '确定删除部门“{{name}}”？',
    empty: '还没有部门',
    scopeHint: '您可以管理数据范围内的部门：在其下添加子部门、重命名、删除，或在其中调整上级（您所在的部门不能移动）。',
    readOnlyHint: '您的数据范围不覆盖任何部门，只能查看部门结构。',
    parentScopeHint: '只能选择您数据范围内的部门。',
  },
  user: {
    title: '用户',
    new: '新建用户',
    edit: '编辑用户',
    username: '用户名',
    displayName: '姓名',
    password: '密码',
    resetPassword: '重置密码',
    resetPasswordHint: '留空则不修改；修改后该用户需要重新登录',
    email: '邮箱',
    mobile: '手机号',
    department: '部门',
    manager: '直属上级',
    roles: '角色',
    locale: '界面语言',
    status: '状态',
    active: '正常',
    disabled: '已停用',
    disable: '停用',
    enable: '启用',
    includeDisabled: '显示已停用',
    searchPlaceholder: '搜索用户名、姓名',
    allDepartments: '全部部门',
    usernameInvalid: '2–32 位字母、数字、点、下划线或连字符，以字母或数字开头',
    displayNameRequired: '请输入姓名',
    mobileInvalid: '请输入有效的手机号',
    rolesRequired: '请至少选择一个角色',
    disableConfirm: '停用后该用户将无法登录，确定吗？',
    scopeNotice: '您只能管理数据范围内的用户：可编辑其资料，并在您数据范围内的部门和人员中为其安排部门和直属上级。',
    placementScopeHint: '只能选择您数据范围内的部门和人员。',
    ownPlacementHint: '只有数据范围为“全部”的管理员才能修改自己的部门和直属上级。',
    managerRequiredHint: '新用户须向您本人或您团队中的成员汇报。',
    managerRequired: '请选择直属上级',
  },
  role: {
    title: '角色',
    new: '新建角色',
    edit: '编辑角色',
    code: '编码',
    codeInvalid: '小写字母开头，2–32 位小写字母、数字或下划线',
    name: '名称',
    nameRequired: '请输入角色名称',
    description: '描述',
    dataScope: '数据权限',
    permissions: '功能权限',
    fieldPermissions: '字段权限',
    builtIn: '内置',
    custom: '自定义',
    userCount: '用户数',
    module: '模块',
    deleteConfirm: '确定删除角色“{{name}}”？',
    builtInNoDelete: '内置角色不能删除',
  },
  token: {
    title: 'API 令牌',
    intro: '用于系统集成：请求时携带 Authorization: Bearer <令牌>，权限与你的账号相同。',
    new: '新建令牌',
    name: '名称',
    nameRequired: '请输入令牌名称',
    prefix: '前缀',
    createdAt: '创建时间',
    lastUsedAt: '最近使用',
    never: '从未使用',
    revoke: '吊销',
    revokeConfirm: '确定吊销令牌“{{name}}”？使用它的集成将立即失效。',
    revoked: '令牌已吊销',
    createdTitle: '令牌已创建',
    createdHint: '请立即复制并妥善保存，此令牌只显示这一次。',
    lifetime: '有效期',
    lifetimeDays: '{{count}} 天',
    lifetimeYear: '1 年',
    lifetimeDefault: '{{label}}（默认）',
    lifetimeHint: '到期后令牌自动失效，需要时再新建一个。',
    expiresAt: '到期时间',
    daysLeft: '还剩 {{count}} 天',
    expiresToday: '今天到期',
    expiresTomorrow: '明天到期',
    expired: '已过期',
  },
  ...customerZhCN,
  ...accessZhCN,
  ...noticeZhCN,
  ...lifecycleZhCN,
  ...ownershipZhCN,
  ...poolZhCN,
  ...jobZhCN,
  ...searchZhCN,
  ...navZhCN,
  ...stageSettingsZhCN,
  ...stageStrategyZhCN,
  ...leadZhCN,
  ...customerViewsZhCN,
  ...opportunityZhCN,
  ...competitionZhCN,
  ...customFieldZhCN,
  ...followUpZhCN,
  ...dictionaryZhCN,
  ...serviceZhCN,
  ...workZhCN,
  ...approvalsZhCN,
  ...productsZhCN,
  ...ordersZhCN,
  ...orderEntryZhCN,
  ...stockZhCN,
  ...paymentsZhCN,
  ...expensesZhCN,
  ...valueZhCN,
  ...auditZhCN,
  ...tenantZhCN,
  ...dataExportZhCN,
  ...exportZhCN,
  ...importZhCN,
  ...relationshipZhCN,
  ...customer360ZhCN,
  ...memberZhCN,
  ...handoverZhCN,
  ...complaintZhCN,
};

export default zhCN;
