import { Type } from 'typebox';
import { IdParams } from './common.js';
import { endpoint, errorResponses } from './endpoint.js';
import {
  CreateSavedViewBody,
  CustomerColumnPreference,
  SavedView,
  SavedViewList,
  SavedViewListQuery,
  SetCustomerColumnPreferenceBody,
} from './saved-views.js';

const tags = ['saved-views'];
const errors = errorResponses(400, 404, 409);

/** Saved list views; `customers` is the only module so far, so its view right guards them. */
export const savedViewsEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/saved-views',
    permission: 'customers.view',
    summary: "List the caller's own and the shared saved views of a list screen",
    operationId: 'listSavedViews',
    tags,
    query: SavedViewListQuery,
    responses: { 200: SavedViewList },
    errors,
  }),
  create: endpoint({
    method: 'POST',
    path: '/saved-views',
    permission: 'customers.view',
    summary: "Save a list screen's filters as a view, optionally shared",
    operationId: 'createSavedView',
    tags,
    body: CreateSavedViewBody,
    responses: { 201: SavedView },
    errors,
  }),
  delete: endpoint({
    method: 'DELETE',
    path: '/saved-views/:id',
    permission: 'customers.view',
    summary: 'Delete a saved view',
    operationId: 'deleteSavedView',
    tags,
    params: IdParams,
    responses: { 204: Type.Null() },
    errors,
  }),
  getCustomerColumns: endpoint({
    method: 'GET',
    path: '/list-preferences/customers',
    permission: 'customers.view',
    summary: "The caller's own choice of customer list columns",
    operationId: 'getCustomerColumnPreference',
    tags,
    responses: { 200: CustomerColumnPreference },
    errors: errorResponses(400),
  }),
  setCustomerColumns: endpoint({
    method: 'PUT',
    path: '/list-preferences/customers',
    permission: 'customers.view',
    summary: "Remember the caller's choice of customer list columns (null: back to the default)",
    operationId: 'setCustomerColumnPreference',
    tags,
    body: SetCustomerColumnPreferenceBody,
    responses: { 200: CustomerColumnPreference },
    errors: errorResponses(400),
  }),
} as const;
