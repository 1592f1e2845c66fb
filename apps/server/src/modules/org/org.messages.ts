/** Server messages of users, departments, roles and API tokens; English defines the keys, zh-CN translates each. */
const en = {
  'error.usernameTaken': 'This username is already taken.',
  'error.roleCodeTaken': 'A role with this code already exists.',
  'error.departmentNotEmpty': 'The department still has users or sub-departments.',
  'error.departmentCycle': 'A department cannot be moved under itself or one of its sub-departments.',
  'error.managerCycle': 'A user cannot report to themselves or to one of their subordinates.',
  'error.lastAdmin': 'The last administrator cannot be disabled or lose the administrator role.',
  'error.ownRole': 'You cannot change your own roles or the roles you hold.',
  'error.escalation': 'You cannot grant permissions or a data scope you do not have yourself.',
  'error.builtInRole': 'Built-in roles cannot be deleted.',
  'error.roleInUse': 'The role is still assigned to users.',
  'error.unknownManager': 'The manager is not a user of this organization.',
  'error.unknownRole': 'The role does not exist.',
  'entity.department': 'Department',
  'entity.role': 'Role',
  'field.username': 'Username',
  'field.password': 'Password',
  'field.newPassword': 'New password',
  'field.currentPassword': 'Current password',
  'field.displayName': 'Display name',
  'field.departmentId': 'Department',
  'field.managerId': 'Manager',
  'field.roleIds': 'Roles',
  'field.parentId': 'Parent department',
  'field.locale': 'Language',
  'field.code': 'Code',
  'field.permissions': 'Permissions',
  'field.dataScope': 'Data scope',
  'field.fieldPermissions': 'Field permissions',
} as const;

export const orgMessages = {
  en,
  zhCN: {
    'error.usernameTaken': '该用户名已被使用。',
    'error.roleCodeTaken': '已存在相同编码的角色。',
    'error.departmentNotEmpty': '该部门下仍有用户或子部门。',
    'error.departmentCycle': '不能将部门移动到其自身或其下属部门之下。',
    'error.managerCycle': '用户的直属上级不能是本人或其下属。',
    'error.lastAdmin': '不能禁用最后一位管理员或移除其管理员角色。',
    'error.ownRole': '不能修改自己的角色或自己所持有的角色。',
    'error.escalation': '不能授予您自己不具备的权限或数据范围。',
    'error.builtInRole': '内置角色不能删除。',
    'error.roleInUse': '该角色仍分配给了用户。',
    'error.unknownManager': '直属上级不是本组织的用户。',
    'error.unknownRole': '角色不存在。',
    'entity.department': '部门',
    'entity.role': '角色',
    'field.username': '用户名',
    'field.password': '密码',
    'field.newPassword': '新密码',
    'field.currentPassword': '当前密码',
    'field.displayName': '姓名',
    'field.departmentId': '部门',
    'field.managerId': '直属上级',
    'field.roleIds': '角色',
    'field.parentId': '上级部门',
    'field.locale': '语言',
    'field.code': '编码',
    'field.permissions': '权限',
    'field.dataScope': '数据范围',
    'field.fieldPermissions': '字段权限',
  } satisfies Record<keyof typeof en, string>,
};

// The keys join MessageKey, so every use of them is checked (platform/i18n/messages.ts).
declare module '../../platform/i18n/messages.js' {
  interface ModuleMessages {
    org: typeof orgMessages.en;
  }
}
