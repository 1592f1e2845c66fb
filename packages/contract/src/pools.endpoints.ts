import { Type } from 'typebox';
import { Id, IdParams } from './common.js';
import { ExportFile, ExportFormat, ListExportJob } from './export.js';
import { endpoint, ERROR_RESPONSES, errorResponses } from './endpoint.js';
import {
  AssignCustomerBody,
  CreateCustomerPoolBody,
  CustomerOwnership,
  CustomerPool,
  CustomerPoolList,
  OwnershipEventPage,
  OwnershipEventQuery,
  PoolCustomerPage,
  PoolCustomerQuery,
  ReturnCustomerBody,
  TransferCustomerBody,
  UpdateCustomerPoolBody,
} from './pools.js';

const poolTags = ['customer-pools'];
const poolErrors = errorResponses(400, 403, 404, 409);

export const customerPoolsEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/customer-pools',
    permission: 'pools.view',
    summary: 'List the customer pools the caller may see (all for pool managers)',
    operationId: 'listCustomerPools',
    tags: poolTags,
    responses: { 200: CustomerPoolList },
    // The list declared no error answers; kept so the document does not change.
    errors: errorResponses(),
  }),
  create: endpoint({
    method: 'POST',
    path: '/customer-pools',
    permission: 'pools.manage',
    summary: 'Create a customer pool',
    operationId: 'createCustomerPool',
    tags: poolTags,
    body: CreateCustomerPoolBody,
    responses: { 201: CustomerPool },
    errors: poolErrors,
  }),
  get: endpoint({
    method: 'GET',
    path: '/customer-pools/:id',
    permission: 'pools.view',
    summary: 'Get a customer pool',
    operationId: 'getCustomerPool',
    tags: poolTags,
    params: IdParams,
    responses: { 200: CustomerPool },
    errors: poolErrors,
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/customer-pools/:id',
    permission: 'pools.manage',
    summary: 'Update a customer pool and its claim rules',
    operationId: 'updateCustomerPool',
    tags: poolTags,
    params: IdParams,
    body: UpdateCustomerPoolBody,
    responses: { 200: CustomerPool },
    errors: poolErrors,
  }),
  listCustomers: endpoint({
    method: 'GET',
    path: '/customer-pools/:id/customers',
    permission: 'pools.view',
    summary: "List a pool's customers with the fields the pool shows before claiming",
    operationId: 'listCustomerPoolCustomers',
    tags: poolTags,
    params: IdParams,
    query: PoolCustomerQuery,
    responses: { 200: PoolCustomerPage },
    errors: poolErrors,
  }),
  // The pool is a filter here, not a path segment: the shared export route reads only the query.
  exportCustomers: endpoint({
    method: 'GET',
    path: '/customer-pools/customers/export',
    permission: 'pools.export',
    summary: "Export a pool's customers (the fields the pool shows) to Excel or CSV",
    description:
      'Streams every customer of the pool, with only the fields the pool shows before claiming and never a ' +
      'field the caller’s role hides, as an Excel or CSV file. Text cells that a spreadsheet would run as a ' +
      'formula start with an apostrophe. Rate limited per user (429). A pool larger than the server streams ' +
      'at once is exported in the background: 202 with the export job (`GET /export-jobs/{id}`).',
    operationId: 'exportCustomerPoolCustomers',
    tags: poolTags,
    query: Type.Object({ poolId: Id, format: ExportFormat }, { additionalProperties: false }),
    responses: { 200: ExportFile, 202: ListExportJob },
    errors: errorResponses(400, 403, 404, 429),
  }),
} as const;

/** Ownership actions as sub-resources of a customer (domain §3). */
const ownershipTags = ['customers'];
const ownershipErrors = ERROR_RESPONSES;

export const ownershipEndpoints = {
  get: endpoint({
    method: 'GET',
    path: '/customers/:id/ownership',
    permission: 'customers.view',
    summary: "Get a customer's owner, pool and lock state",
    operationId: 'getCustomerOwnership',
    tags: ownershipTags,
    params: IdParams,
    responses: { 200: CustomerOwnership },
    errors: ownershipErrors,
  }),
  listEvents: endpoint({
    method: 'GET',
    path: '/customers/:id/ownership-events',
    permission: 'customers.view',
    summary: "List a customer's ownership history",
    operationId: 'listCustomerOwnershipEvents',
    tags: ownershipTags,
    params: IdParams,
    query: OwnershipEventQuery,
    responses: { 200: OwnershipEventPage },
    errors: ownershipErrors,
  }),
  claim: endpoint({
    method: 'POST',
    path: '/customers/:id/claim',
    permission: 'pools.claim',
    summary: 'Claim a customer from its pool',
    operationId: 'claimCustomer',
    tags: ownershipTags,
    params: IdParams,
    responses: { 200: CustomerOwnership },
    errors: ownershipErrors,
  }),
  assign: endpoint({
    method: 'POST',
    path: '/customers/:id/assign',
    // Assigning is customers.assign (read-only roles hold pools.view); the service adds the pool's
    // membership for pool customers and the write scope for owned ones.
    permission: 'customers.assign',
    summary: 'Assign a customer to a salesperson',
    operationId: 'assignCustomer',
    tags: ownershipTags,
    params: IdParams,
    body: AssignCustomerBody,
    responses: { 200: CustomerOwnership },
    errors: ownershipErrors,
  }),
  transfer: endpoint({
    method: 'POST',
    path: '/customers/:id/transfer',
    permission: 'customers.edit',
    summary: 'Transfer an owned customer to another salesperson',
    operationId: 'transferCustomer',
    tags: ownershipTags,
    params: IdParams,
    body: TransferCustomerBody,
    responses: { 200: CustomerOwnership },
    errors: ownershipErrors,
  }),
  return: endpoint({
    method: 'POST',
    path: '/customers/:id/return',
    permission: 'pools.claim',
    summary: 'Return a customer to a pool with a reason',
    operationId: 'returnCustomerToPool',
    tags: ownershipTags,
    params: IdParams,
    body: ReturnCustomerBody,
    responses: { 200: CustomerOwnership },
    errors: ownershipErrors,
  }),
  lock: endpoint({
    method: 'POST',
    path: '/customers/:id/lock',
    permission: 'pools.manage',
    summary: 'Lock a customer against automatic return to the pool',
    operationId: 'lockCustomer',
    tags: ownershipTags,
    params: IdParams,
    responses: { 200: CustomerOwnership },
    errors: ownershipErrors,
  }),
  unlock: endpoint({
    method: 'POST',
    path: '/customers/:id/unlock',
    permission: 'pools.manage',
    summary: 'Unlock a customer',
    operationId: 'unlockCustomer',
    tags: ownershipTags,
    params: IdParams,
    responses: { 200: CustomerOwnership },
    errors: ownershipErrors,
  }),
} as const;
