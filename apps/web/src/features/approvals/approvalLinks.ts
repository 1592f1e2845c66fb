/** Where the record behind a request lives (pages owned by the modules that submit requests). */
export function approvalEntityPath(request: {
  entityType: string;
  entityId: string;
  customerId: string | null;
}): string | null {
  switch (request.entityType) {
    case 'order':
      return `/orders/${request.entityId}`;
    case 'expense':
      return '/expenses';
    default:
      // Stage changes and anything else about a customer lead to the customer.
      return request.customerId ? `/customers/${request.customerId}` : null;
  }
}
