import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { AppError } from '../errors/app-error.js';

/** Longest path the web app serves; its routes and hashed asset names are far shorter. */
const MAX_WEB_PATH = 1024;

/**
 * A path the web app can have: its client-side routes (`/customers/<id>`) and the files of the
 * build (`/assets/index-3f2a.js`) use letters, digits, `-`, `_`, `.` and `/` only. Anything else —
 * percent-encoded bytes (`%2e%2e`, `%00`), dot segments, empty segments, a segment over a file
 * name's length — is no page, answered 404 before the file system is asked.
 */
export function isWebPath(urlPath: string): boolean {
  if (urlPath.length > MAX_WEB_PATH || !/^\/[\w./-]*$/.test(urlPath)) return false;
  const segments = urlPath.slice(1).split('/');
  return segments.every((s, i) => (s === '' ? i === segments.length - 1 : s !== '.' && s !== '..' && s.length <= 255));
}

const pageNotFound = () => new AppError('not_found', 'error.pageNotFound');
const isApi = (url: string) => url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');

/**
 * Serves the built web app from `webDistDir`: its files, and index.html for its client-side
 * routes. Files are looked up per request, so a rebuilt web app is served without a restart.
 * Unknown /api paths answer 404 in the error shape; without a build every path does.
 */
export async function registerWebApp(app: FastifyInstance, webDistDir: string): Promise<void> {
  const hasWeb = existsSync(path.join(webDistDir, 'index.html'));
  if (hasWeb) {
    // serve: false — the route below decides what may reach the file system.
    // preCompressed: the build's .br / .gz copies go to browsers that accept them (apps/web/build).
    await app.register(fastifyStatic, { root: webDistDir, serve: false, index: false, preCompressed: true });
    // Synchronous handlers that return nothing: returning the reply (a thenable) from an async one makes
    // every layer await it, each adding 'close' listeners until Node warns of a leak.
    app.get('/', { schema: { hide: true } }, (_request, reply) => {
      void reply.type('text/html').sendFile('index.html');
    });
    app.route({
      method: ['GET', 'HEAD'],
      url: '/*',
      schema: { hide: true },
      // The file system's refusals (a directory, a name it will not open) mean "no such page".
      errorHandler: (error: Error) => {
        throw error instanceof AppError ? error : pageNotFound();
      },
      handler: (request: FastifyRequest, reply: FastifyReply) => {
        const urlPath = request.url.split('?', 1)[0]!;
        if (isApi(urlPath)) {
          reply.callNotFound();
          return;
        }
        if (!isWebPath(urlPath)) throw pageNotFound();
        // A missing file falls through to the not-found handler below (the app's own routes).
        void reply.sendFile(urlPath.slice(1));
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const urlPath = request.url.split('?', 1)[0]!;
    if (isApi(urlPath) || !hasWeb) throw new AppError('not_found', 'error.routeNotFound');
    // The app's routes have no file extension; a missing /assets/x.js is a 404, not the app page.
    const isAppRoute = isWebPath(urlPath) && !urlPath.slice(urlPath.lastIndexOf('/')).includes('.');
    if (request.method !== 'GET' || !isAppRoute) throw pageNotFound();
    void reply.type('text/html').sendFile('index.html');
  });
}
