import { endpoints } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../platform/config/config.js';
import type { Db } from '../../platform/db/client.js';
import type { LoginThrottle } from '../../platform/auth/login-throttle.js';
import { SESSION_COOKIE } from '../../platform/http/authenticate.js';
import { registerEndpoint } from '../../platform/http/endpoint-route.js';
import { registerServiceEndpoints } from '../../platform/http/service-endpoints.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createAuthService } from './auth.service.js';

export const authRoutes =
  ({
    db,
    config,
    loginThrottle,
  }: {
    db: Db;
    config: Config;
    loginThrottle: LoginThrottle;
  }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { auth: api } = endpoints;
    const auth = createAuthService({ db, loginThrottle, sessionAbsoluteHours: config.sessionAbsoluteHours });
    // Secure whenever the browser reached us over TLS (directly or through a trusted proxy's
    // X-Forwarded-Proto); SECURE_COOKIES=true forces it for set-ups where that is not visible.
    const cookieOptions = (request: FastifyRequest) => ({
      httpOnly: true,
      sameSite: 'lax' as const,
      path: '/',
      secure: config.secureCookies || request.protocol === 'https',
    });

    registerEndpoint(app, api.loginOptions, async () => auth.loginOptions());

    registerEndpoint(app, api.login, async (request, reply) => {
      const { sessionToken, me } = await auth.login({
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      reply.setCookie(SESSION_COOKIE, sessionToken, {
        ...cookieOptions(request),
        maxAge: config.sessionAbsoluteHours * 3600,
      });
      return me;
    });

    registerEndpoint(app, api.logout, async (request, reply) => {
      await auth.logout(actorOf(request), request.sessionTokenHash);
      reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
    });

    registerServiceEndpoints(app, api, auth, ['me', 'updateMe']);

    registerEndpoint(app, api.changePassword, async (request) =>
      auth.changePassword(actorOf(request), request.body, request.sessionTokenHash),
    );

    registerEndpoint(app, api.listTokens, async (request) => ({ items: await auth.listApiTokens(actorOf(request)) }));

    registerEndpoint(app, api.createToken, async (request) => auth.createApiToken(actorOf(request), request.body));

    registerEndpoint(app, api.revokeToken, async (request) => auth.revokeApiToken(actorOf(request), request.params.id));
  };
