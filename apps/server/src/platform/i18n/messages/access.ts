/**
 * Server messages of user and department management bounded by the manager's data scope and of
 * API token lifetimes (issue 10); English defines the keys, zh-CN translates each.
 */
const en = {
  'error.departmentOutsideScope': 'You can only place users in the departments your data scope covers.',
  'error.managerOutsideScope': 'The manager must be a user within your data scope.',
  'error.managerOutsideTeam': 'Choose yourself or someone in your team as the manager, so the user stays in your team.',
  'error.ownPlacement': 'You cannot change your own department or manager.',
  'error.createOutsideScope': 'Your data scope covers only yourself, so you cannot create users.',
  'error.departmentsOutsideScope': 'Your data scope covers no department, so you cannot change departments.',
  'error.parentOutsideScope': 'You can only add or move departments under a department your data scope covers.',
  'error.ownDepartmentMove': 'You cannot move your own department or a department above it.',
  'validation.outsideScope': 'is outside your data scope',
  'validation.outsideTeam': 'must be you or someone in your team',
  'validation.ownPlacement': 'cannot be changed on your own account',
  'validation.ownDepartment': 'cannot be changed for your own department or one above it',
  'field.expiresInDays': 'Lifetime (days)',
} as const;

export const accessMessages = {
  en,
  zhCN: {
    'error.departmentOutsideScope': '只能把用户安排到您的数据范围所覆盖的部门。',
    'error.managerOutsideScope': '直属上级必须是您数据范围内的用户。',
    'error.managerOutsideTeam': '请选择您本人或您团队中的成员作为直属上级，使该用户留在您的团队中。',
    'error.ownPlacement': '不能修改自己的部门或直属上级。',
    'error.createOutsideScope': '您的数据范围仅限本人，不能创建用户。',
    'error.departmentsOutsideScope': '您的数据范围不覆盖任何部门，不能修改部门。',
    'error.parentOutsideScope': '只能在您的数据范围所覆盖的部门下新建或移入部门。',
    'error.ownDepartmentMove': '不能移动您所在的部门或其上级部门。',
    'validation.outsideScope': '超出您的数据范围',
    'validation.outsideTeam': '须为您本人或您团队中的成员',
    'validation.ownPlacement': '不能由本人修改',
    'validation.ownDepartment': '不能更改（这是您所在的部门或其上级部门）',
    'field.expiresInDays': '有效期（天）',
  } satisfies Record<keyof typeof en, string>,
};
