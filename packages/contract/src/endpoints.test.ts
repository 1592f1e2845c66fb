import { describe, expect, it } from 'vitest';
import { pathParamNames, successStatus, type EndpointDefinition } from './endpoint.js';
import { endpoints } from './endpoints.js';

const all: EndpointDefinition[] = Object.values(endpoints).flatMap((group) => Object.values(group));

describe('contract endpoints', () => {
  it('declare exactly the path parameters their params schema validates', () => {
    const mismatched = all.filter((endpoint) => {
      const declared = Object.keys((endpoint.params as { properties?: object } | undefined)?.properties ?? {});
      return pathParamNames(endpoint.path).sort().join() !== declared.sort().join();
    });
    expect(mismatched.map((endpoint) => endpoint.operationId)).toEqual([]);
  });

  it('have unique operation ids and unique method + path', () => {
    const ids = all.map((endpoint) => endpoint.operationId);
    const routes = all.map((endpoint) => `${endpoint.method} ${endpoint.path}`);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    expect(routes.filter((route, index) => routes.indexOf(route) !== index)).toEqual([]);
  });

  it('answer one success status by default: the lowest declared', () => {
    expect(successStatus(endpoints.orders.create)).toBe(201);
    expect(successStatus(endpoints.orders.delete)).toBe(204);
    expect(successStatus({ ...endpoints.orders.create, responses: { 202: {}, 201: {} } } as EndpointDefinition)).toBe(
      201,
    );
  });

  it('reads path parameter names in order', () => {
    expect(pathParamNames('/expenses/:id/attachments/:attachmentId')).toEqual(['id', 'attachmentId']);
    expect(pathParamNames('/orders')).toEqual([]);
  });
});
