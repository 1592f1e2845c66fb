import { Type } from 'typebox';
import { AuditLogQuery, AuditPage } from './audit.js';
import { IdParams } from './common.js';
import { endpoint, errorResponses } from './endpoint.js';
import {
  ColleagueList,
  CreateDepartmentBody,
  CreateRoleBody,
  CreateUserBody,
  Department,
  DepartmentList,
  DepartmentManagementScope,
  Role,
  RoleList,
  UpdateDepartmentBody,
  UpdateRoleBody,
  UpdateUserBody,
  User,
  UserListQuery,
  UserManagementScope,
  UserPage,
} from './org.js';
import { Organization, UpdateOrganizationBody } from './organization.js';

const errors = {};

export const usersEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/users',
    permission: 'users.view',
    summary: 'List users',
    operationId: 'listUsers',
    tags: ['users'],
    query: UserListQuery,
    responses: { 200: UserPage },
  }),
  directory: endpoint({
    method: 'GET',
    path: '/users/directory',
    permission: 'authenticated',
    summary: 'Active colleagues by name and department, for handing work to',
    operationId: 'listColleagues',
    tags: ['users'],
    responses: { 200: ColleagueList },
  }),
  managementScope: endpoint({
    method: 'GET',
    path: '/users/management-scope',
    permission: 'users.manage',
    summary: 'What the caller may do with users: whom they may edit and where they may place them',
    operationId: 'getUserManagementScope',
    tags: ['users'],
    responses: { 200: UserManagementScope },
  }),
  get: endpoint({
    method: 'GET',
    path: '/users/:id',
    permission: 'users.view',
    summary: 'Get a user',
    operationId: 'getUser',
    tags: ['users'],
    params: IdParams,
    responses: { 200: User },
  }),
  create: endpoint({
    method: 'POST',
    path: '/users',
    permission: 'users.manage',
    summary: 'Create a user',
    operationId: 'createUser',
    tags: ['users'],
    body: CreateUserBody,
    responses: { 201: User },
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/users/:id',
    permission: 'users.manage',
    summary: 'Update a user',
    operationId: 'updateUser',
    tags: ['users'],
    params: IdParams,
    body: UpdateUserBody,
    responses: { 200: User },
  }),
} as const;

export const rolesEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/roles',
    permission: 'roles.view',
    summary: 'List roles',
    operationId: 'listRoles',
    tags: ['roles'],
    responses: { 200: RoleList },
    errors,
  }),
  create: endpoint({
    method: 'POST',
    path: '/roles',
    permission: 'roles.manage',
    summary: 'Create a role',
    operationId: 'createRole',
    tags: ['roles'],
    body: CreateRoleBody,
    responses: { 201: Role },
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/roles/:id',
    permission: 'roles.manage',
    summary: 'Update a role',
    operationId: 'updateRole',
    tags: ['roles'],
    params: IdParams,
    body: UpdateRoleBody,
    responses: { 200: Role },
  }),
  delete: endpoint({
    method: 'DELETE',
    path: '/roles/:id',
    permission: 'roles.manage',
    summary: 'Delete a role',
    operationId: 'deleteRole',
    tags: ['roles'],
    params: IdParams,
    responses: { 204: Type.Null() },
  }),
} as const;

export const departmentsEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/departments',
    permission: 'departments.view',
    summary: 'List departments',
    operationId: 'listDepartments',
    tags: ['departments'],
    responses: { 200: DepartmentList },
    errors,
  }),
  managementScope: endpoint({
    method: 'GET',
    path: '/departments/management-scope',
    permission: 'departments.manage',
    summary: 'What the caller may change in the department tree (bounded by their scope)',
    operationId: 'getDepartmentManagementScope',
    tags: ['departments'],
    responses: { 200: DepartmentManagementScope },
  }),
  create: endpoint({
    method: 'POST',
    path: '/departments',
    permission: 'departments.manage',
    summary: 'Create a department',
    operationId: 'createDepartment',
    tags: ['departments'],
    body: CreateDepartmentBody,
    responses: { 201: Department },
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/departments/:id',
    permission: 'departments.manage',
    summary: 'Update a department',
    operationId: 'updateDepartment',
    tags: ['departments'],
    params: IdParams,
    body: UpdateDepartmentBody,
    responses: { 200: Department },
  }),
  delete: endpoint({
    method: 'DELETE',
    path: '/departments/:id',
    permission: 'departments.manage',
    summary: 'Delete a department',
    operationId: 'deleteDepartment',
    tags: ['departments'],
    params: IdParams,
    responses: { 204: Type.Null() },
  }),
} as const;

export const auditLogEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/audit-log',
    permission: 'audit.view',
    summary: 'List audit log entries',
    operationId: 'listAuditLog',
    tags: ['audit'],
    query: AuditLogQuery,
    responses: { 200: AuditPage },
    errors: errorResponses(400, 403),
  }),
} as const;

export const organizationEndpoints = {
  // Everyone may read it: colleagues tell each other the code they sign in with.
  // Everyone may read it: colleagues tell each other the code they sign in with.
  get: endpoint({
    method: 'GET',
    path: '/organization',
    permission: 'authenticated',
    summary: "Get the caller's organization",
    operationId: 'getOrganization',
    tags: ['organization'],
    responses: { 200: Organization },
    errors,
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/organization',
    permission: 'organization.manage',
    summary: "Update the organization's settings",
    operationId: 'updateOrganization',
    tags: ['organization'],
    body: UpdateOrganizationBody,
    responses: { 200: Organization },
    errors: errorResponses(400, 403, 409),
  }),
} as const;
