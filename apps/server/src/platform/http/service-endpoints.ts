import {
  pathParamNames,
  type EndpointBody,
  type EndpointDefinition,
  type EndpointParams,
  type EndpointQuery,
  type EndpointResult,
} from '@guanxi/contract';
import type { Actor } from '../auth/actor.js';
import { registerEndpoint, type EndpointRequest } from './endpoint-route.js';
import { actorOf } from './request-context.js';

/** `[id]` for an endpoint whose one path parameter is `:id`, nothing without path parameters. */
type IdArgument<E extends EndpointDefinition> = E extends { params: unknown }
  ? [Exclude<keyof EndpointParams<E>, 'id'>] extends [never]
    ? [id: string]
    : never
  : [];

/** The body when the endpoint takes one, else the query when it takes one. */
type InputArgument<E extends EndpointDefinition> = E extends { body: unknown }
  ? [body: EndpointBody<E>]
  : E extends { query: unknown }
    ? [query: EndpointQuery<E>]
    : [];

/** A 204 endpoint sends no body, so whatever the method answers is dropped. */
type MethodAnswer<E extends EndpointDefinition> = [EndpointResult<E>] extends [void] ? unknown : EndpointResult<E>;

/** The service method an endpoint is passed straight to: the caller, then `:id`, then body or query. */
export type ServiceMethodFor<E extends EndpointDefinition> = (
  actor: Actor,
  ...input: [...IdArgument<E>, ...InputArgument<E>]
) => MethodAnswer<E> | Promise<MethodAnswer<E>>;

function argumentsOf(endpoint: EndpointDefinition, request: EndpointRequest<EndpointDefinition>): unknown[] {
  const input: unknown[] = [];
  if (endpoint.params !== undefined) input.push((request.params as { id: string }).id);
  if (endpoint.body !== undefined) input.push(request.body);
  else if (endpoint.query !== undefined) input.push(request.query);
  return input;
}

/**
 * Registers, in the order named, endpoints whose handler only hands the caller and the request's
 * `:id`, body or query to the service method of the same name — the thin routes most records have:
 * `registerServiceEndpoints(app, endpoints.tasks, tasks, ['list', 'create', 'get', 'update', 'delete'])`.
 * Endpoints that need more (another name, reply headers, route options) use `registerEndpoint`.
 */
export function registerServiceEndpoints<
  const Api extends Readonly<Record<K, EndpointDefinition>>,
  const K extends string,
>(
  app: Parameters<typeof registerEndpoint>[0],
  api: Api,
  service: { [N in K]: ServiceMethodFor<Api[N]> },
  names: readonly K[],
): void {
  for (const name of names) {
    const endpoint = api[name];
    const extra = pathParamNames(endpoint.path).filter((param) => param !== 'id');
    if (extra.length > 0 || (endpoint.body !== undefined && endpoint.query !== undefined)) {
      throw new Error(`${endpoint.operationId} takes more than :id and a body or a query; register it on its own`);
    }
    // The method's type was checked against this endpoint in the signature; here any endpoint will do.
    registerEndpoint<EndpointDefinition>(app, endpoint, async (request) => {
      const method = service[name] as (actor: Actor, ...input: unknown[]) => unknown;
      return method.call(service, actorOf(request), ...argumentsOf(endpoint, request));
    });
  }
}
