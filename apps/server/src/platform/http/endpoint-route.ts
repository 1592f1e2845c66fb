import {
  ERROR_RESPONSES,
  successStatus,
  type EndpointBody,
  type EndpointDefinition,
  type EndpointParams,
  type EndpointQuery,
  type EndpointResult,
} from '@guanxi/contract';
import type {
  FastifyContextConfig,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifySchema,
  FastifyTypeProvider,
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
} from 'fastify';
import { Type } from 'typebox';

/** The Fastify request with params, query and body typed from the endpoint (Fastify validated them). */
export type EndpointRequest<E extends EndpointDefinition> = FastifyRequest<{
  Params: EndpointParams<E>;
  Querystring: EndpointQuery<E>;
  Body: EndpointBody<E>;
}>;

/**
 * Answers the endpoint's success value; the helper sends it with the endpoint's success status.
 * The reply is there for the few that set headers or cookies, or another declared success status.
 */
export type EndpointHandler<E extends EndpointDefinition> = (
  request: EndpointRequest<E>,
  reply: FastifyReply,
) => Promise<EndpointResult<E>>;

/** Route options that are the server's business only, not the contract's. */
export interface EndpointRouteOptions {
  bodyLimit?: number;
  config?: Omit<FastifyContextConfig, 'permission'>;
}

/** Any Fastify instance a module's routes plugin gets, whatever its type provider. */
type AnyFastifyInstance = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  FastifyTypeProvider
>;

const UPLOAD_FORM = 'x-upload-form';

/**
 * `@fastify/swagger`'s transform: an upload endpoint's form schema becomes its documented
 * multipart/form-data request body.
 */
export function documentUploadForms({ schema, url }: { schema: FastifySchema; url: string }) {
  if (!schema || !(UPLOAD_FORM in schema)) return { schema, url };
  const { [UPLOAD_FORM]: form, ...rest } = schema as Record<string, unknown>;
  return { schema: { ...rest, body: form } as FastifySchema, url };
}

/** The route schema Fastify validates with and `@fastify/swagger` documents. */
export function endpointSchema(endpoint: EndpointDefinition): FastifySchema & Record<string, unknown> {
  const { body, bodyRequired = true } = endpoint;
  return {
    summary: endpoint.summary,
    ...(endpoint.description === undefined ? {} : { description: endpoint.description }),
    operationId: endpoint.operationId,
    tags: [...endpoint.tags],
    ...(endpoint.params === undefined ? {} : { params: endpoint.params }),
    ...(endpoint.query === undefined ? {} : { querystring: endpoint.query }),
    ...(body === undefined ? {} : { body: bodyRequired ? body : Type.Optional(body) }),
    // An upload is read as a stream by its handler, not validated as a body; the form schema is
    // for the OpenAPI document only (`documentUploadForms` puts it there).
    ...(endpoint.upload === undefined ? {} : { consumes: ['multipart/form-data'], [UPLOAD_FORM]: endpoint.upload }),
    response: { ...endpoint.responses, ...(endpoint.errors ?? ERROR_RESPONSES) },
  };
}

/**
 * Registers one contract endpoint: method, path, permission, validation and OpenAPI all come from
 * the definition, so the route cannot drift from what the web client calls.
 */
export function registerEndpoint<E extends EndpointDefinition>(
  app: AnyFastifyInstance,
  endpoint: E,
  handler: EndpointHandler<E>,
  options: EndpointRouteOptions = {},
): void {
  const status = successStatus(endpoint);
  app.route({
    method: endpoint.method,
    url: endpoint.path,
    ...(options.bodyLimit === undefined ? {} : { bodyLimit: options.bodyLimit }),
    config: { ...options.config, permission: endpoint.permission },
    schema: endpointSchema(endpoint),
    handler: async (request, reply) => {
      reply.status(status);
      const result = await handler(request as EndpointRequest<E>, reply);
      if (reply.sent) return reply;
      // 204 has no body; Fastify wants `null` sent rather than an `undefined` returned.
      return reply.send(reply.statusCode === 204 ? null : result);
    },
  });
}
