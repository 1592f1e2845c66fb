import type { Client } from './test-app.js';

/** Creates a customer through the API as the client's user; the answer is the test's to judge. */
export const postCustomer = (client: Client, body: Record<string, unknown>) => client.post('/api/v1/customers', body);
