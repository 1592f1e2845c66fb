import { endpoint, IdParams } from '@guanxi/contract';
import Fastify from 'fastify';
import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { endpointSchema, registerEndpoint } from './endpoint-route.js';

const Thing = Type.Object({ id: Type.String(), name: Type.String() });
const NameBody = Type.Object({ name: Type.String() }, { additionalProperties: false });
const things = {
  create: endpoint({
    method: 'POST',
    path: '/things',
    permission: 'authenticated',
    summary: 'Create a thing',
    operationId: 'createThing',
    tags: ['things'],
    body: NameBody,
    responses: { 201: Thing },
  }),
  rename: endpoint({
    method: 'POST',
    path: '/things/:id/rename',
    permission: 'authenticated',
    summary: 'Rename a thing',
    operationId: 'renameThing',
    tags: ['things'],
    params: Type.Object({ id: Type.String() }),
    body: Type.Partial(NameBody),
    bodyRequired: false,
    responses: { 200: Thing },
  }),
  delete: endpoint({
    method: 'DELETE',
    path: '/things/:id',
    permission: 'authenticated',
    summary: 'Delete a thing',
    operationId: 'deleteThing',
    tags: ['things'],
    params: IdParams,
    responses: { 204: Type.Null() },
    errors: { 404: Type.Object({ error: Type.String() }) },
  }),
  move: endpoint({
    method: 'POST',
    path: '/things/:id/move',
    permission: 'authenticated',
    summary: 'Move a thing, or ask for approval to',
    operationId: 'moveThing',
    tags: ['things'],
    params: Type.Object({ id: Type.String() }),
    responses: { 201: Thing, 202: Thing },
  }),
};

async function buildThingsApp() {
  const app = Fastify({ logger: false });
  const seen: unknown[] = [];
  app.addHook('onRoute', (route) => {
    seen.push(route.config);
  });
  // The one error shape the shared error responses declare (the real app's handler localizes it).
  app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) =>
    reply.status(error.statusCode ?? 500).send({ error: { code: 'error', message: error.message } }),
  );
  registerEndpoint(app, things.create, async (request) => ({ id: 't1', name: request.body.name }));
  registerEndpoint(app, things.rename, async (request, reply) => {
    reply.header('X-Renamed', 'yes');
    return { id: request.params.id, name: request.body?.name ?? 'unnamed' };
  });
  registerEndpoint(app, things.delete, async () => undefined);
  registerEndpoint(app, things.move, async (request, reply) => {
    if (request.params.id === 'needs-approval') reply.status(202);
    return { id: request.params.id, name: 'moved' };
  });
  await app.ready();
  return { app, seen };
}

describe('registerEndpoint', () => {
  it('sends the declared success status: 201 for a create, 204 without a body for a delete', async () => {
    const { app } = await buildThingsApp();
    const created = await app.inject({ method: 'POST', url: '/things', payload: { name: 'a' } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ id: 't1', name: 'a' });
    const deleted = await app.inject({ method: 'DELETE', url: '/things/0b9d0cc5-6f8c-4a7a-9d2b-2b7d3b0f6a11' });
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    await app.close();
  });

  it('validates the body from the definition; an optional body may be empty', async () => {
    const { app } = await buildThingsApp();
    const invalid = await app.inject({ method: 'POST', url: '/things', payload: {} });
    expect(invalid.statusCode).toBe(400);
    // Fastify validates a missing JSON body as null, so callers of an optional body send `{}`.
    const emptyBody = await app.inject({ method: 'POST', url: '/things/x/rename', payload: {} });
    expect(emptyBody.statusCode).toBe(200);
    expect(emptyBody.json()).toEqual({ id: 'x', name: 'unnamed' });
    expect(emptyBody.headers['x-renamed']).toBe('yes');
    await app.close();
  });

  it('lets a handler answer another declared success status', async () => {
    const { app } = await buildThingsApp();
    expect((await app.inject({ method: 'POST', url: '/things/a/move', payload: {} })).statusCode).toBe(201);
    expect((await app.inject({ method: 'POST', url: '/things/needs-approval/move', payload: {} })).statusCode).toBe(
      202,
    );
    await app.close();
  });

  it("declares the endpoint's permission as the route's", async () => {
    const { app, seen } = await buildThingsApp();
    expect(seen).toEqual([
      { permission: 'authenticated' },
      { permission: 'authenticated' },
      { permission: 'authenticated' },
      { permission: 'authenticated' },
    ]);
    await app.close();
  });
});

describe('endpointSchema', () => {
  it('documents summary, operation id, inputs and the success answer with the shared error answers', () => {
    const schema = endpointSchema(things.create);
    expect(schema).toMatchObject({ summary: 'Create a thing', operationId: 'createThing', tags: ['things'] });
    expect(Object.keys(schema.response as object)).toEqual(['201', '400', '403', '404', '409', '422']);
  });

  it('uses the errors an endpoint declares instead of the shared set', () => {
    expect(Object.keys(endpointSchema(things.delete).response as object)).toEqual(['204', '404']);
  });
});
