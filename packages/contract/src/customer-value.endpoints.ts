import { IdParams } from './common.js';
import {
  CustomerPyramid,
  CustomerValue,
  CustomerValueQuery,
  ProfitContributionPage,
  ProfitContributionQuery,
  PyramidMembersPage,
  PyramidMembersQuery,
  RfmMatrix,
} from './customer-value.js';
import { endpoint, errorResponses } from './endpoint.js';
import { exportEndpointOf } from './export.js';
import { reportExportEndpointOf } from './report-export.js';

const tags = ['customer-value'];
// Read-only reports: nothing to conflict with, no business rule to break.
const errors = errorResponses(400, 403, 404);

const profitContributionEndpoint = endpoint({
  method: 'GET',
  path: '/reports/profit-contribution',
  permission: 'finance.view',
  summary: 'Rank customers by profit contribution',
  operationId: 'listProfitContribution',
  tags,
  query: ProfitContributionQuery,
  responses: { 200: ProfitContributionPage },
  errors,
});

const pyramidEndpoint = endpoint({
  method: 'GET',
  path: '/reports/customer-pyramid',
  permission: 'finance.view',
  summary: 'Customer pyramid: customers per value tier and ABC class',
  operationId: 'getCustomerPyramid',
  tags,
  responses: { 200: CustomerPyramid },
  errors,
});

/** Profit contribution per customer (domain §5), the customer pyramid and ABC classes (§7). */
export const customerValueEndpoints = {
  profitContribution: profitContributionEndpoint,
  exportProfitContribution: exportEndpointOf(profitContributionEndpoint, {
    permission: 'finance.export',
    summary: 'Export the profit contribution ranking (same period and filters) to Excel or CSV',
    operationId: 'exportProfitContribution',
  }),
  pyramid: pyramidEndpoint,
  pyramidMembers: endpoint({
    method: 'GET',
    path: '/reports/customer-pyramid/customers',
    permission: 'finance.view',
    summary: 'The customers of a pyramid tier or ABC class in the latest snapshot, most profitable first',
    operationId: 'listPyramidMembers',
    tags,
    query: PyramidMembersQuery,
    responses: { 200: PyramidMembersPage },
    errors,
  }),
  exportPyramid: reportExportEndpointOf(pyramidEndpoint, {
    permission: 'finance.export',
    summary: 'Export the customer pyramid and ABC classes to Excel or CSV',
    operationId: 'exportCustomerPyramid',
  }),
  /**
   * Read with `orders.view`, like a customer's own value: a salesperson sees the segments of the
   * customers in their scope (the revenue of their own orders), a manager the team's.
   */
  rfm: endpoint({
    method: 'GET',
    path: '/reports/rfm',
    permission: 'orders.view',
    summary: 'RFM segment matrix: customers and revenue per segment and per R × F score',
    operationId: 'getRfmMatrix',
    tags,
    responses: { 200: RfmMatrix },
    errors: errorResponses(403),
  }),
  forCustomer: endpoint({
    method: 'GET',
    path: '/customers/:id/value',
    permission: 'orders.view',
    summary: "Get a customer's profit contribution and latest value class",
    operationId: 'getCustomerValue',
    tags,
    params: IdParams,
    query: CustomerValueQuery,
    responses: { 200: CustomerValue },
    errors,
  }),
} as const;
