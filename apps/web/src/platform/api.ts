import type {
  EndpointCallOptions,
  EndpointDefinition,
  EndpointResult,
  ErrorBody,
  ListExportJob,
} from '@guanxi/contract';
import i18n from './i18n';

export interface FieldError {
  field: string;
  message: string;
}

/** A non-2xx answer of the API, carrying the server's (already localized) message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields?: FieldError[];

  constructor(options: { status: number; code: string; message: string; fields?: FieldError[] }) {
    super(options.message);
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code;
    this.fields = options.fields;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

type QueryScalar = string | number | boolean | null | undefined;
/** Arrays become repeated parameters (`?tag=a&tag=b`). */
type QueryValue = QueryScalar | readonly string[];

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Login answers 401 for bad credentials; that must not bounce back to /login. */
  skipAuthRedirect?: boolean;
}

const LOGIN_PATH = '/login';

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const item of value as readonly string[]) params.append(key, item);
    else params.set(key, String(value));
  }
  const search = params.toString();
  return `/api/v1${path}${search ? `?${search}` : ''}`;
}

async function readError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as Partial<ErrorBody>;
    if (body.error) {
      return new ApiError({
        status: response.status,
        code: body.error.code,
        message: body.error.message,
        fields: body.error.fields,
      });
    }
  } catch {
    // Not JSON (e.g. a proxy error page): fall through to a generic error.
  }
  return new ApiError({
    status: response.status,
    code: `HTTP_${response.status}`,
    message: i18n.t('common.requestFailed', { status: response.status }),
  });
}

/**
 * Calls the Guanxi API. Always sends `X-Requested-With` (the server's CSRF rule) and JSON
 * bodies (a `FormData` body as a multipart upload); throws {@link ApiError} on any non-2xx answer.
 */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'X-Requested-With': 'XMLHttpRequest',
    'Accept-Language': i18n.language || 'zh-CN',
  };
  let body: string | FormData | undefined;
  if (options.body instanceof FormData) {
    // An upload: the browser writes the multipart boundary into the content type itself.
    body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(buildUrl(path, options.query), {
    method: options.method ?? 'GET',
    credentials: 'same-origin',
    headers,
    body,
  });
  if (!response.ok) {
    const error = await readError(response);
    if (response.status === 401 && !options.skipAuthRedirect && window.location.pathname !== LOGIN_PATH) {
      window.location.assign(LOGIN_PATH);
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** `/orders/:id` with `{ id }` → `/orders/<id>`, each value percent-encoded. */
export function endpointPath(path: string, params: Record<string, string | number> | undefined): string {
  return path.replace(/:(\w+)/g, (_match, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`Missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
}

/** What the endpoint takes, and `skipAuthRedirect` for the sign-in page's own calls. */
export type ClientOptions<E extends EndpointDefinition> = EndpointCallOptions<E> &
  Pick<RequestOptions, 'skipAuthRedirect'>;
/** Options are optional only when the endpoint needs none (no params, no required query or body). */
type CallArguments<E extends EndpointDefinition> =
  object extends EndpointCallOptions<E> ? [options?: ClientOptions<E>] : [options: ClientOptions<E>];

/**
 * Calls one contract endpoint (`client(endpoints.orders.get, { params: { id } })`): path, method,
 * inputs and answer all typed from its definition, so a changed API fails to compile here.
 */
export function client<E extends EndpointDefinition>(endpoint: E, ...[options]: CallArguments<E>) {
  return callEndpoint(endpoint, options);
}

/** Inputs of any endpoint, unchecked: what {@link callEndpoint} takes. */
export interface AnyEndpointOptions {
  params?: object;
  query?: object;
  body?: unknown;
  skipAuthRedirect?: boolean;
}

/**
 * {@link client} for code that is generic over endpoints (`platform/endpointQueries.ts`), where the
 * options cannot be checked against one endpoint's types: that code passes on what its typed callers gave.
 */
export function callEndpoint<E extends EndpointDefinition>(endpoint: E, options: AnyEndpointOptions | undefined) {
  const { params, query, body, skipAuthRedirect } = options ?? {};
  return request<EndpointResult<E>>(endpointPath(endpoint.path, params as Record<string, string>), {
    method: endpoint.method,
    query: query as Record<string, QueryValue> | undefined,
    // A POST always carries a JSON body, `{}` when there is nothing to say (see `bodyRequired`).
    body: body ?? (endpoint.method === 'POST' ? {} : undefined),
    skipAuthRedirect,
  });
}

/** The file name a download's `Content-Disposition` gives (`filename*` first: it carries Chinese names). */
function fileNameOf(disposition: string | null, fallback: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback;
}

/**
 * Downloads the file a GET endpoint answers (an export) and saves it under the server's file name;
 * a refusal (400, 403, 429 …) throws {@link ApiError} with the server's message, like any call.
 * A list too long to stream at once answers 202 with a background export job instead: that job is
 * returned (null when the file was saved).
 */
export async function downloadEndpoint(
  endpoint: EndpointDefinition,
  query: Record<string, QueryValue>,
): Promise<ListExportJob | null> {
  const response = await fetch(buildUrl(endpoint.path, query), {
    credentials: 'same-origin',
    headers: { 'X-Requested-With': 'XMLHttpRequest', 'Accept-Language': i18n.language || 'zh-CN' },
  });
  if (!response.ok) throw await readError(response);
  if (response.status === 202) return (await response.json()) as ListExportJob;
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response.headers.get('Content-Disposition'), 'export');
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the file to the browser's download; the object URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return null;
}
