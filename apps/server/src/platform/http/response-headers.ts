import type { FastifyInstance } from 'fastify';

/**
 * The page may run only scripts served by this server: no inline script, no eval, no third-party
 * origin, and it may not be framed. Styles allow inline because antd writes its component styles
 * into <style> elements at run time (CSS-in-JS); the Swagger UI at /api/docs works under it too.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** API answers that hold nothing personal and may be cached by browsers and proxies. */
const CACHEABLE_API_PATHS = [/^\/api\/v1\/health(\/|$)/, /^\/api\/v1\/openapi\.json$/];

/**
 * Vite names every built asset by its content hash, so a changed file gets a new URL and
 * the old one can be cached for good; index.html names the current ones and is revalidated.
 */
function cacheControlFor(path: string, contentType: string, statusCode: number): string | null {
  if (path.startsWith('/api/v1/')) return CACHEABLE_API_PATHS.some((p) => p.test(path)) ? null : 'no-store';
  if (contentType.startsWith('text/html')) return 'no-cache';
  if (path.startsWith('/assets/') && statusCode === 200) return 'public, max-age=31536000, immutable';
  return null;
}

/**
 * Content-Security-Policy on every answer, and who may keep a copy: API answers with personal
 * data are never stored (a shared computer's browser cache or a proxy would keep customers'
 * phone numbers), hashed assets are cached long, the app's page is revalidated.
 */
export function registerResponseHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    const path = request.url.split('?', 1)[0] ?? '';
    const contentType = String(reply.getHeader('content-type') ?? '');
    const cacheControl = cacheControlFor(path, contentType, reply.statusCode);
    if (cacheControl !== null) reply.header('Cache-Control', cacheControl);
  });
}
