import { Type } from 'typebox';
import { IdParams } from './common.js';
import {
  CustomerAttachmentList,
  CustomerAttachmentParams,
  CustomerEventList,
  CustomerSummary,
} from './customer-360.js';
import { endpoint, errorResponses, UPLOAD_ERROR_RESPONSES } from './endpoint.js';
import { Attachment, UploadFileForm } from './follow-ups.js';

const tags = ['customers'];
const errors = errorResponses(400, 403, 404);

/** The customer page as the 360° work view (issue 14 item 6): header numbers, events, files. */
export const customer360Endpoints = {
  summary: endpoint({
    method: 'GET',
    path: '/customers/:id/summary',
    permission: 'customers.view',
    summary: "A customer's key numbers: stage, owner, follow-ups, open opportunities, bought, owed, reclaim",
    operationId: 'getCustomerSummary',
    tags,
    params: IdParams,
    responses: { 200: CustomerSummary },
    errors,
  }),
  events: endpoint({
    method: 'GET',
    path: '/customers/:id/events',
    permission: 'customers.view',
    summary: "A customer's orders, payments, approvals and opportunity moves, newest first",
    operationId: 'listCustomerEvents',
    tags,
    params: IdParams,
    responses: { 200: CustomerEventList },
    errors,
  }),
  listAttachments: endpoint({
    method: 'GET',
    path: '/customers/:id/attachments',
    permission: 'customers.view',
    summary: "List a customer's attachments",
    operationId: 'listCustomerAttachments',
    tags,
    params: IdParams,
    responses: { 200: CustomerAttachmentList },
    errors,
  }),
  uploadAttachment: endpoint({
    method: 'POST',
    path: '/customers/:id/attachments',
    permission: 'customers.edit',
    summary: 'Attach a file to a customer (multipart upload)',
    operationId: 'uploadCustomerAttachment',
    tags,
    params: IdParams,
    upload: UploadFileForm,
    responses: { 201: Attachment },
    errors: UPLOAD_ERROR_RESPONSES,
  }),
  deleteAttachment: endpoint({
    method: 'DELETE',
    path: '/customers/:id/attachments/:attachmentId',
    permission: 'customers.edit',
    summary: 'Remove a file from a customer',
    operationId: 'deleteCustomerAttachment',
    tags,
    params: CustomerAttachmentParams,
    responses: { 204: Type.Null() },
    errors,
  }),
} as const;
