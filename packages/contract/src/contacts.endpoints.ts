import { Type } from 'typebox';
import { IdParams } from './common.js';
import {
  Contact,
  ContactListQuery,
  ContactPage,
  ContactWriteResult,
  CreateContactBody,
  UpdateContactBody,
} from './contacts.js';
import { DuplicateErrorBody } from './duplicates.js';
import { endpoint, ERROR_RESPONSES } from './endpoint.js';
import { exportEndpointOf } from './export.js';

const tags = ['contacts'];
/** Writes may answer 409 `duplicate` with the blocking records (domain §4). */
const writeErrors = { ...ERROR_RESPONSES, 409: DuplicateErrorBody };

const listEndpoint = endpoint({
  method: 'GET',
  path: '/contacts',
  permission: 'contacts.view',
  summary: 'List contacts',
  operationId: 'listContacts',
  tags,
  query: ContactListQuery,
  responses: { 200: ContactPage },
});

export const contactsEndpoints = {
  list: listEndpoint,
  export: exportEndpointOf(listEndpoint, {
    permission: 'contacts.export',
    summary: 'Export the contact list (same filters and sort) to Excel or CSV',
    operationId: 'exportContacts',
  }),
  listForCustomer: endpoint({
    method: 'GET',
    path: '/customers/:id/contacts',
    permission: 'contacts.view',
    summary: "List a customer's contacts",
    operationId: 'listCustomerContacts',
    tags,
    params: IdParams,
    responses: { 200: ContactPage },
  }),
  create: endpoint({
    method: 'POST',
    path: '/contacts',
    permission: 'contacts.create',
    summary: 'Create a contact (blocked by exact duplicates)',
    operationId: 'createContact',
    tags,
    body: CreateContactBody,
    responses: { 201: ContactWriteResult },
    errors: writeErrors,
  }),
  get: endpoint({
    method: 'GET',
    path: '/contacts/:id',
    permission: 'contacts.view',
    summary: 'Get a contact',
    operationId: 'getContact',
    tags,
    params: IdParams,
    responses: { 200: Contact },
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/contacts/:id',
    permission: 'contacts.edit',
    summary: 'Update a contact',
    operationId: 'updateContact',
    tags,
    params: IdParams,
    body: UpdateContactBody,
    responses: { 200: ContactWriteResult },
    errors: writeErrors,
  }),
  delete: endpoint({
    method: 'DELETE',
    path: '/contacts/:id',
    permission: 'contacts.delete',
    summary: 'Delete a contact (soft delete)',
    operationId: 'deleteContact',
    tags,
    params: IdParams,
    responses: { 204: Type.Null() },
  }),
  restore: endpoint({
    method: 'POST',
    path: '/contacts/:id/restore',
    permission: 'contacts.delete',
    summary: 'Restore a deleted contact',
    operationId: 'restoreContact',
    tags,
    params: IdParams,
    responses: { 200: Contact },
  }),
} as const;
