import { IdParams } from './common.js';
import {
  CreateCustomFieldBody,
  CustomFieldDefinition,
  CustomFieldList,
  CustomFieldListQuery,
  UpdateCustomFieldBody,
} from './custom-fields.js';
import { endpoint } from './endpoint.js';

/** Custom fields (自定义字段, issue 14): readers of a record type read its fields, admins keep them. */
export const customFieldsEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/custom-fields',
    permission: 'authenticated',
    summary:
      "List the custom fields of the record types the caller may view (the entity's view permission is checked in the service)",
    operationId: 'listCustomFields',
    tags: ['custom-fields'],
    query: CustomFieldListQuery,
    responses: { 200: CustomFieldList },
  }),
  create: endpoint({
    method: 'POST',
    path: '/custom-fields',
    permission: 'customFields.manage',
    summary: 'Add a custom field to customers, contacts, opportunities or orders',
    operationId: 'createCustomField',
    tags: ['custom-fields'],
    body: CreateCustomFieldBody,
    responses: { 201: CustomFieldDefinition },
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/custom-fields/:id',
    permission: 'customFields.manage',
    summary: 'Edit, reorder or archive a custom field',
    operationId: 'updateCustomField',
    tags: ['custom-fields'],
    params: IdParams,
    body: UpdateCustomFieldBody,
    responses: { 200: CustomFieldDefinition },
  }),
} as const;
