import { Type, type Static } from 'typebox';
import { Id, Locale, Nullable, PageQuery, Timestamp, VersionField, pageOf } from './common.js';
import { DataScope, FieldPermissions, PermissionSchema } from './vocabulary.js';

const Name = Type.String({ minLength: 1, maxLength: 64 });

export const Department = Type.Object({
  id: Id,
  name: Type.String(),
  parentId: Nullable(Id),
  sortOrder: Type.Integer(),
  userCount: Type.Integer(),
  version: Type.Integer(),
});
export type Department = Static<typeof Department>;
export const DepartmentList = Type.Object({ items: Type.Array(Department) });
export const CreateDepartmentBody = Type.Object(
  { name: Name, parentId: Nullable(Id), sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 9999 })) },
  { additionalProperties: false },
);
export type CreateDepartmentBody = Static<typeof CreateDepartmentBody>;
export const UpdateDepartmentBody = Type.Object(
  {
    name: Type.Optional(Name),
    parentId: Type.Optional(Nullable(Id)),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 9999 })),
    version: VersionField,
  },
  { additionalProperties: false },
);
export type UpdateDepartmentBody = Static<typeof UpdateDepartmentBody>;
/** What a holder of `departments.manage` may change, bounded by their data scope (issue 10). */
export const DepartmentManagementScope = Type.Object({
  /** Data scope `all`: every department, new top-level ones included. */
  unbounded: Type.Boolean(),
  /** False when the scope covers no department (`own`, `own_subordinates`, or no department of one's own). */
  canChange: Type.Boolean(),
  /** Departments that may get sub-departments, be renamed, reordered, deleted or chosen as a new parent (empty when unbounded). */
  departmentIds: Type.Array(Id),
  /** Departments that may be moved: those covered except the caller's own (empty when unbounded). */
  movableDepartmentIds: Type.Array(Id),
});
export type DepartmentManagementScope = Static<typeof DepartmentManagementScope>;

export const User = Type.Object({
  id: Id,
  username: Type.String(),
  displayName: Type.String(),
  email: Nullable(Type.String()),
  mobile: Nullable(Type.String()),
  departmentId: Nullable(Id),
  departmentName: Nullable(Type.String()),
  managerId: Nullable(Id),
  managerName: Nullable(Type.String()),
  roleIds: Type.Array(Id),
  /** The user's roles by name, for readers who may not list the organization's roles. */
  roles: Type.Array(Type.Object({ id: Id, name: Type.String() })),
  locale: Locale,
  disabled: Type.Boolean(),
  createdAt: Timestamp,
  version: Type.Integer(),
});
export type User = Static<typeof User>;
export const UserPage = pageOf(User);
export type UserPage = Static<typeof UserPage>;
export const UserListQuery = Type.Object(
  {
    ...PageQuery,
    q: Type.Optional(Type.String({ maxLength: 64 })),
    departmentId: Type.Optional(Id),
    includeDisabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UserListQuery = Static<typeof UserListQuery>;

export const USERNAME_PATTERN = '^[a-zA-Z0-9][a-zA-Z0-9._-]{1,31}$';
const Email = Type.String({ format: 'email', maxLength: 254 });
const Mobile = Type.String({ pattern: '^1[3-9][0-9]{9}$' });

export const CreateUserBody = Type.Object(
  {
    username: Type.String({ pattern: USERNAME_PATTERN }),
    displayName: Name,
    password: Type.String({ minLength: 8, maxLength: 128 }),
    email: Type.Optional(Nullable(Email)),
    mobile: Type.Optional(Nullable(Mobile)),
    departmentId: Nullable(Id),
    managerId: Type.Optional(Nullable(Id)),
    roleIds: Type.Array(Id, { minItems: 1, maxItems: 20, uniqueItems: true }),
    locale: Type.Optional(Locale),
  },
  { additionalProperties: false },
);
export type CreateUserBody = Static<typeof CreateUserBody>;
export const UpdateUserBody = Type.Object(
  {
    displayName: Type.Optional(Name),
    email: Type.Optional(Nullable(Email)),
    mobile: Type.Optional(Nullable(Mobile)),
    departmentId: Type.Optional(Nullable(Id)),
    managerId: Type.Optional(Nullable(Id)),
    roleIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 20, uniqueItems: true })),
    locale: Type.Optional(Locale),
    disabled: Type.Optional(Type.Boolean()),
    /** An administrator's password reset; the user's sessions end. */
    password: Type.Optional(Type.String({ minLength: 8, maxLength: 128 })),
    version: VersionField,
  },
  { additionalProperties: false },
);
export type UpdateUserBody = Static<typeof UpdateUserBody>;

/**
 * What the caller (holding `users.manage`) may do with users, derived from their data scope: the
 * users they may edit or choose as a manager and the departments they may place users in.
 */
export const UserManagementScope = Type.Object({
  /** Data scope `all`: every user and department, including one's own placement. */
  unbounded: Type.Boolean(),
  /** False for the data scope `own`, which covers nobody but oneself. */
  canCreate: Type.Boolean(),
  /** Departments users may be placed in (empty when unbounded). */
  departmentIds: Type.Array(Id),
  /** Whether "no department" may be chosen. */
  noDepartmentAllowed: Type.Boolean(),
  /** Users the caller may edit and choose as a manager (empty when unbounded). */
  userIds: Type.Array(Id),
  /** A user must report to someone in `userIds` (own + subordinates: that keeps them in the team). */
  managerRequired: Type.Boolean(),
});
export type UserManagementScope = Static<typeof UserManagementScope>;

export const Role = Type.Object({
  id: Id,
  code: Type.String(),
  name: Type.String(),
  description: Type.String(),
  permissions: Type.Array(PermissionSchema),
  dataScope: DataScope,
  fieldPermissions: FieldPermissions,
  builtIn: Type.Boolean(),
  userCount: Type.Integer(),
  version: Type.Integer(),
});
export type Role = Static<typeof Role>;
export const RoleList = Type.Object({ items: Type.Array(Role) });
export const CreateRoleBody = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z][a-z0-9_]{1,31}$' }),
    name: Name,
    description: Type.Optional(Type.String({ maxLength: 500 })),
    permissions: Type.Array(PermissionSchema, { uniqueItems: true }),
    dataScope: DataScope,
    fieldPermissions: Type.Optional(FieldPermissions),
  },
  { additionalProperties: false },
);
export type CreateRoleBody = Static<typeof CreateRoleBody>;
export const UpdateRoleBody = Type.Object(
  {
    name: Type.Optional(Name),
    description: Type.Optional(Type.String({ maxLength: 500 })),
    permissions: Type.Optional(Type.Array(PermissionSchema, { uniqueItems: true })),
    dataScope: Type.Optional(DataScope),
    fieldPermissions: Type.Optional(FieldPermissions),
    version: VersionField,
  },
  { additionalProperties: false },
);
export type UpdateRoleBody = Static<typeof UpdateRoleBody>;

/**
 * A colleague as anyone signed in may see them, to hand work to (transfer a customer, assign a
 * task): the name and department, never contact details or roles.
 */
export const Colleague = Type.Object({ id: Id, displayName: Type.String(), departmentName: Nullable(Type.String()) });
export type Colleague = Static<typeof Colleague>;
export const ColleagueList = Type.Object({ items: Type.Array(Colleague) });
export type ColleagueList = Static<typeof ColleagueList>;
