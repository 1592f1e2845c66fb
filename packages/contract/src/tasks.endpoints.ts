import { Type } from 'typebox';
import { IdParams } from './common.js';
import { endpoint, errorResponses } from './endpoint.js';
import { CreateTaskBody, Task, TaskListQuery, TaskPage, UpdateTaskBody } from './tasks.js';
import { exportEndpointOf } from './export.js';

const errors = errorResponses(400, 404, 409);

const listEndpoint = endpoint({
  method: 'GET',
  path: '/tasks',
  permission: 'tasks.view',
  summary: 'List tasks',
  operationId: 'listTasks',
  tags: ['tasks'],
  query: TaskListQuery,
  responses: { 200: TaskPage },
  errors,
});

export const tasksEndpoints = {
  list: listEndpoint,
  export: exportEndpointOf(listEndpoint, {
    permission: 'tasks.export',
    summary: 'Export the task list (same filters and sort) to Excel or CSV',
    operationId: 'exportTasks',
  }),
  create: endpoint({
    method: 'POST',
    path: '/tasks',
    permission: 'tasks.create',
    summary: 'Create a task',
    operationId: 'createTask',
    tags: ['tasks'],
    body: CreateTaskBody,
    responses: { 201: Task },
    errors,
  }),
  get: endpoint({
    method: 'GET',
    path: '/tasks/:id',
    permission: 'tasks.view',
    summary: 'Get a task',
    operationId: 'getTask',
    tags: ['tasks'],
    params: IdParams,
    responses: { 200: Task },
    errors,
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/tasks/:id',
    permission: 'tasks.edit',
    summary: 'Update a task',
    operationId: 'updateTask',
    tags: ['tasks'],
    params: IdParams,
    body: UpdateTaskBody,
    responses: { 200: Task },
    errors,
  }),
  complete: endpoint({
    method: 'POST',
    path: '/tasks/:id/complete',
    permission: 'tasks.edit',
    summary: 'Mark a task done',
    operationId: 'completeTask',
    tags: ['tasks'],
    params: IdParams,
    responses: { 200: Task },
    errors,
  }),
  delete: endpoint({
    method: 'DELETE',
    path: '/tasks/:id',
    permission: 'tasks.delete',
    summary: 'Delete a task',
    operationId: 'deleteTask',
    tags: ['tasks'],
    params: IdParams,
    responses: { 204: Type.Null() },
    errors,
  }),
} as const;
