/** Signing in to one of several organizations and the organization's own settings (zh-CN). */
const tenantZhCN = {
  tenant: {
    organizationCode: '组织代码',
    organizationCodePlaceholder: '如 acme（由管理员告知）',
    organizationCodeRequired: '请输入组织代码（也可以把用户名写成“用户名@组织代码”）',
    demoHintWithCode: '演示账号：组织代码 demo，admin / guanxi-demo',
    menu: '组织信息',
    title: '组织信息',
    name: '组织名称',
    code: '组织代码',
    codeHelp: '同事登录时填写此代码，或把用户名写成“用户名@代码”。',
    codeChangeWarning: '修改后，所有人都要用新代码登录；已登录的人不受影响。请提前通知同事。',
    codeInvalid: '须为 2–32 位小写字母、数字或连字符，以字母或数字开头和结尾',
    signInExample: '登录示例：{{username}}@{{code}}',
    saved: '组织代码已更新',
  },
};

export default tenantZhCN;
