import { Type } from 'typebox';
import { IdParams } from './common.js';
import {
  BulkAddTagsBody,
  BulkCustomerActionBody,
  BulkCustomerResult,
  BulkDeleteBody,
  BulkOwnerBody,
  BulkReturnToPoolBody,
  StaleCustomerQuery,
} from './customer-cleanup.js';
import {
  CreateCustomerBody,
  Customer,
  CustomerListQuery,
  CustomerPage,
  CustomerWriteResult,
  UpdateCustomerBody,
} from './customers.js';
import { DuplicateErrorBody } from './duplicates.js';
import { endpoint, errorResponses } from './endpoint.js';
import { exportEndpointOf } from './export.js';

const tags = ['customers'];
const errors = errorResponses(400, 404, 409);
/** Writes may answer 409 `duplicate` with the blocking records (domain §4). */
const writeErrors = { ...errorResponses(400, 404), 409: DuplicateErrorBody };
const cleanupErrors = errorResponses(400, 403);

const list = endpoint({
  method: 'GET',
  path: '/customers',
  permission: 'customers.view',
  summary: 'List customers',
  operationId: 'listCustomers',
  tags,
  query: CustomerListQuery,
  responses: { 200: CustomerPage },
  errors,
});

export const customersEndpoints = {
  list,
  export: exportEndpointOf(list, {
    permission: 'customers.export',
    summary: 'Export the customer list (same filters and sort) to Excel or CSV',
    operationId: 'exportCustomers',
  }),
  create: endpoint({
    method: 'POST',
    path: '/customers',
    permission: 'customers.create',
    summary: 'Create a customer (blocked by exact duplicates, warned of similar names)',
    operationId: 'createCustomer',
    tags,
    body: CreateCustomerBody,
    responses: { 201: CustomerWriteResult },
    errors: writeErrors,
  }),
  get: endpoint({
    method: 'GET',
    path: '/customers/:id',
    permission: 'customers.view',
    summary: 'Get a customer',
    operationId: 'getCustomer',
    tags,
    params: IdParams,
    responses: { 200: Customer },
    errors,
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/customers/:id',
    permission: 'customers.edit',
    summary: 'Update a customer',
    operationId: 'updateCustomer',
    tags,
    params: IdParams,
    body: UpdateCustomerBody,
    responses: { 200: CustomerWriteResult },
    errors: writeErrors,
  }),
  delete: endpoint({
    method: 'DELETE',
    path: '/customers/:id',
    permission: 'customers.delete',
    summary: 'Delete a customer (soft delete)',
    operationId: 'deleteCustomer',
    tags,
    params: IdParams,
    responses: { 204: Type.Null() },
    errors,
  }),
  restore: endpoint({
    method: 'POST',
    path: '/customers/:id/restore',
    permission: 'customers.delete',
    summary: 'Restore a deleted customer',
    operationId: 'restoreCustomer',
    tags,
    params: IdParams,
    responses: { 200: Customer },
    errors,
  }),
  listStale: endpoint({
    method: 'GET',
    path: '/customers/stale',
    permission: 'customers.view',
    summary: 'List customers neither changed nor followed up for a number of days',
    operationId: 'listStaleCustomers',
    tags,
    query: StaleCustomerQuery,
    responses: { 200: CustomerPage },
    errors: cleanupErrors,
  }),
  bulkReturnToPool: endpoint({
    method: 'POST',
    path: '/customers/bulk/return-to-pool',
    // Same right as returning one customer; the owner-or-assigner rule is checked per record.
    permission: 'pools.claim',
    summary: 'Return several customers to their pool (or one chosen pool) with a reason',
    operationId: 'bulkReturnCustomersToPool',
    tags,
    body: BulkReturnToPoolBody,
    responses: { 200: BulkCustomerResult },
    errors: cleanupErrors,
  }),
  bulkMarkLost: endpoint({
    method: 'POST',
    path: '/customers/bulk/mark-lost',
    permission: 'lifecycle.move',
    summary: 'Mark several customers as lost with a reason',
    operationId: 'bulkMarkCustomersLost',
    tags,
    body: BulkCustomerActionBody,
    responses: { 200: BulkCustomerResult },
    errors: cleanupErrors,
  }),
  bulkTransfer: endpoint({
    method: 'POST',
    path: '/customers/bulk/transfer',
    // Same right as transferring one customer; owner-or-assigner is checked per record.
    permission: 'customers.edit',
    summary: 'Transfer several customers to one user (per-record results)',
    operationId: 'bulkTransferCustomers',
    tags,
    body: BulkOwnerBody,
    responses: { 200: BulkCustomerResult },
    errors: cleanupErrors,
  }),
  bulkAssign: endpoint({
    method: 'POST',
    path: '/customers/bulk/assign',
    permission: 'customers.assign',
    summary: 'Change the owner of several customers, pool customers included (per-record results)',
    operationId: 'bulkAssignCustomers',
    tags,
    body: BulkOwnerBody,
    responses: { 200: BulkCustomerResult },
    errors: cleanupErrors,
  }),
  bulkAddTags: endpoint({
    method: 'POST',
    path: '/customers/bulk/add-tags',
    permission: 'customers.edit',
    summary: 'Add tags to several customers (per-record results)',
    operationId: 'bulkAddCustomerTags',
    tags,
    body: BulkAddTagsBody,
    responses: { 200: BulkCustomerResult },
    errors: cleanupErrors,
  }),
  bulkDelete: endpoint({
    method: 'POST',
    path: '/customers/bulk/delete',
    permission: 'customers.delete',
    summary: 'Move several customers to the trash (per-record results)',
    operationId: 'bulkDeleteCustomers',
    tags,
    body: BulkDeleteBody,
    responses: { 200: BulkCustomerResult },
    errors: cleanupErrors,
  }),
} as const;
