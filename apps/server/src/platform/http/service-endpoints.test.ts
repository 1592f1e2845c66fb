import { endpoint, IdParams } from '@guanxi/contract';
import Fastify from 'fastify';
import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor.js';
import { registerServiceEndpoints } from './service-endpoints.js';

const Thing = Type.Object({ id: Type.String(), name: Type.String() });
const NameBody = Type.Object({ name: Type.String() }, { additionalProperties: false });
const base = { permission: 'authenticated', tags: ['things'] } as const;
const things = {
  list: endpoint({
    ...base,
    method: 'GET',
    path: '/things',
    summary: 'List things',
    operationId: 'listThings',
    query: Type.Object({ q: Type.Optional(Type.String()) }),
    responses: { 200: Type.Array(Thing) },
  }),
  create: endpoint({
    ...base,
    method: 'POST',
    path: '/things',
    summary: 'Create a thing',
    operationId: 'createThing',
    body: NameBody,
    responses: { 201: Thing },
  }),
  update: endpoint({
    ...base,
    method: 'PATCH',
    path: '/things/:id',
    summary: 'Rename a thing',
    operationId: 'updateThing',
    params: IdParams,
    body: NameBody,
    responses: { 200: Thing },
  }),
  delete: endpoint({
    ...base,
    method: 'DELETE',
    path: '/things/:id',
    summary: 'Delete a thing',
    operationId: 'deleteThing',
    params: IdParams,
    responses: { 204: Type.Null() },
  }),
  count: endpoint({
    ...base,
    method: 'GET',
    path: '/things/count',
    summary: 'Count things',
    operationId: 'countThings',
    responses: { 200: Type.Object({ count: Type.Number() }) },
  }),
};

const ID = '0b9d0cc5-6f8c-4a7a-9d2b-2b7d3b0f6a11';
const actor = { userId: 'u1' } as Actor;

async function buildThingsApp() {
  const app = Fastify({ logger: false });
  const calls: unknown[][] = [];
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    request.actor = actor;
  });
  const service = {
    list: async (...input: unknown[]) => (calls.push(['list', ...input]), []),
    create: async (_actor: Actor, body: { name: string }) => (
      calls.push(['create', _actor, body]),
      { id: 't1', ...body }
    ),
    update: async (_actor: Actor, id: string, body: { name: string }) => (
      calls.push(['update', _actor, id, body]),
      { id, ...body }
    ),
    // Answers something, yet the 204 endpoint sends no body.
    delete: async (_actor: Actor, id: string) => (calls.push(['delete', _actor, id]), { deleted: id }),
    count: (_actor: Actor) => ({ count: 3 }),
  };
  registerServiceEndpoints(app, things, service, ['list', 'create', 'update', 'delete', 'count']);
  await app.ready();
  return { app, calls };
}

describe('registerServiceEndpoints', () => {
  it("hands the caller, then :id, then the body or the query to the service method of the endpoint's name", async () => {
    const { app, calls } = await buildThingsApp();
    expect((await app.inject({ method: 'GET', url: '/things?q=a' })).json()).toEqual([]);
    expect((await app.inject({ method: 'POST', url: '/things', payload: { name: 'a' } })).statusCode).toBe(201);
    const updated = await app.inject({ method: 'PATCH', url: `/things/${ID}`, payload: { name: 'b' } });
    expect(updated.json()).toEqual({ id: ID, name: 'b' });
    const deleted = await app.inject({ method: 'DELETE', url: `/things/${ID}` });
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    expect((await app.inject({ method: 'GET', url: '/things/count' })).json()).toEqual({ count: 3 });
    expect(calls).toEqual([
      ['list', actor, { q: 'a' }],
      ['create', actor, { name: 'a' }],
      ['update', actor, ID, { name: 'b' }],
      ['delete', actor, ID],
    ]);
    await app.close();
  });

  it('refuses, at registration, an endpoint with path parameters besides :id', () => {
    const app = Fastify({ logger: false });
    const nested = {
      get: endpoint({
        ...base,
        method: 'GET',
        path: '/things/:id/parts/:partId',
        summary: 'Get a part',
        operationId: 'getPart',
        params: Type.Object({ id: Type.String(), partId: Type.String() }),
        responses: { 200: Thing },
      }),
    };
    expect(() => registerServiceEndpoints(app, nested, { get: async () => ({ id: 'p', name: 'p' }) }, ['get'])).toThrow(
      /getPart/,
    );
  });

  it('types each method against its endpoint', () => {
    const app = Fastify({ logger: false });
    // @ts-expect-error -- update takes (actor, id, body), not (actor, body)
    registerServiceEndpoints(app, things, { update: async (_actor: Actor, body: { name: string }) => body }, [
      'update',
    ]);
  });
});
