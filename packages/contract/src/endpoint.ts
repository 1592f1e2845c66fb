import type { Static, TSchema } from 'typebox';
import { ErrorBody } from './common.js';
import type { Permission } from './vocabulary.js';

/**
 * One definition per endpoint: the server registers the route from it (validation, permission,
 * OpenAPI) and the web calls it through one typed client, so a renamed path or a changed response
 * is a compile error on both sides.
 */

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
/** Who may call an endpoint (security A7): nobody signed in, anybody signed in, or one permission. */
export type EndpointPermission = Permission | 'public' | 'authenticated';
/** 202 only for endpoints that may answer "accepted, waiting for approval" besides 201. */
export type SuccessStatus = 200 | 201 | 202 | 204;
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429;

export type SuccessResponses = { readonly [S in SuccessStatus]?: TSchema };
export type ErrorResponses = { readonly [S in ErrorStatus]?: TSchema };

/** The error answers most routes declare; every error has the one {@link ErrorBody} shape. */
export const ERROR_RESPONSES = {
  400: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
} as const satisfies ErrorResponses;

/** An upload may also be too large (413) or of a type not taken (415). */
export const UPLOAD_ERROR_RESPONSES = {
  ...ERROR_RESPONSES,
  413: ErrorBody,
  415: ErrorBody,
} as const satisfies ErrorResponses;

/** A narrower set for endpoints that declare fewer errors, e.g. `errorResponses(400, 403)`. */
export function errorResponses<const S extends ErrorStatus>(...statuses: S[]): { readonly [K in S]: typeof ErrorBody } {
  return Object.fromEntries(statuses.map((status) => [status, ErrorBody])) as { [K in S]: typeof ErrorBody };
}

export interface EndpointDefinition {
  readonly method: HttpMethod;
  /** Relative to `/api/v1`, Fastify style: `/orders/:id`. */
  readonly path: string;
  readonly permission: EndpointPermission;
  /** One English line for the OpenAPI document. */
  readonly summary: string;
  /** camelCase, unique over the API. */
  readonly operationId: string;
  readonly tags: readonly string[];
  /** Longer OpenAPI text, when the summary cannot say what a caller must know. */
  readonly description?: string;
  readonly params?: TSchema;
  readonly query?: TSchema;
  readonly body?: TSchema;
  /**
   * Default true when a body is given. False types the body as possibly absent (`Type.Optional`
   * in the route schema); Fastify still validates a missing JSON body as null, so the web client
   * sends `{}` for a POST without one.
   */
  readonly bodyRequired?: boolean;
  /**
   * A multipart/form-data upload instead of a JSON body: one file in the field `file`, text fields
   * beside it. The server streams the file to disk (`platform/uploads`); this schema documents the
   * form in OpenAPI, and the web client sends a `FormData`.
   */
  readonly upload?: TSchema;
  /** Success answers only; the lowest status is the one sent unless the handler sets another. */
  readonly responses: SuccessResponses;
  /** Default {@link ERROR_RESPONSES}. */
  readonly errors?: ErrorResponses;
}

/** Keeps the literal types of a definition (method, path, permission, schemas) for both sides. */
export function endpoint<const E extends EndpointDefinition>(definition: E): E {
  return definition;
}

type StaticOf<S> = S extends TSchema ? Static<S> : never;

export type EndpointParams<E extends EndpointDefinition> = E extends { params: infer S } ? StaticOf<S> : undefined;
export type EndpointQuery<E extends EndpointDefinition> = E extends { query: infer S } ? StaticOf<S> : undefined;
export type EndpointBody<E extends EndpointDefinition> = E extends { body: infer S }
  ? E extends { bodyRequired: false }
    ? StaticOf<S> | undefined
    : StaticOf<S>
  : undefined;

/** What a successful call answers: the success schema's type, `void` for 204. */
export type EndpointResult<E extends EndpointDefinition> = {
  [S in keyof E['responses']]: S extends 204 ? void : StaticOf<E['responses'][S]>;
}[keyof E['responses']];

/** The status the server sends when the handler sets none: the lowest declared success status. */
export function successStatus(definition: EndpointDefinition): SuccessStatus {
  const statuses = Object.keys(definition.responses).map(Number) as SuccessStatus[];
  if (statuses.length === 0) throw new Error(`Endpoint ${definition.operationId} declares no success response`);
  return Math.min(...statuses) as SuccessStatus;
}

/** The `:name` segments of a path, in order. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/:(\w+)/g)].map((match) => match[1]!);
}

// The web client's call options: what the endpoint needs, nothing it does not take.
type ParamsOption<E extends EndpointDefinition> = E extends { params: TSchema }
  ? { params: EndpointParams<E> }
  : { params?: undefined };
type QueryOption<E extends EndpointDefinition> = E extends { query: TSchema }
  ? object extends EndpointQuery<E>
    ? { query?: EndpointQuery<E> }
    : { query: EndpointQuery<E> }
  : { query?: undefined };
type BodyOption<E extends EndpointDefinition> = E extends { upload: TSchema }
  ? { body: FormData }
  : E extends { body: TSchema }
    ? E extends { bodyRequired: false }
      ? { body?: EndpointBody<E> }
      : { body: EndpointBody<E> }
    : { body?: undefined };
export type EndpointCallOptions<E extends EndpointDefinition> = ParamsOption<E> & QueryOption<E> & BodyOption<E>;
