import {
  ApiTokenList,
  ChangePasswordBody,
  CreateApiTokenBody,
  CreatedApiToken,
  ErrorBody,
  IdParams,
  LoginBody,
  LoginOptions,
  Me,
  UpdateMeBody,
} from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../platform/config/config.js';
import type { Db } from '../../platform/db/client.js';
import type { LoginThrottle } from '../../platform/auth/login-throttle.js';
import { SESSION_COOKIE } from '../../platform/http/authenticate.js';
import { actorOf } from '../../platform/http/request-context.js';
import { createAuthService } from './auth.service.js';

const tags = ['auth'];

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
    const auth = createAuthService({ db, loginThrottle, sessionAbsoluteHours: config.sessionAbsoluteHours });
    // Secure whenever the browser reached us over TLS (directly or through a trusted proxy's
    // X-Forwarded-Proto); SECURE_COOKIES=true forces it for set-ups where that is not visible.
    const cookieOptions = (request: FastifyRequest) => ({
      httpOnly: true,
      sameSite: 'lax' as const,
      path: '/',
      secure: config.secureCookies || request.protocol === 'https',
    });

    app.get(
      '/auth/login-options',
      { config: { permission: 'public' }, schema: { tags, response: { 200: LoginOptions } } },
      async () => auth.loginOptions(),
    );

    app.post(
      '/auth/login',
      {
        config: { permission: 'public' },
        schema: { tags, body: LoginBody, response: { 200: Me, 400: ErrorBody, 401: ErrorBody, 429: ErrorBody } },
      },
      async (request, reply) => {
        const { sessionToken, me } = await auth.login({
          ...request.body,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        });
        reply.setCookie(SESSION_COOKIE, sessionToken, {
          ...cookieOptions(request),
          maxAge: config.sessionAbsoluteHours * 3600,
        });
        return reply.status(200).send(me);
      },
    );

    app.post('/auth/logout', { config: { permission: 'authenticated' }, schema: { tags } }, async (request, reply) => {
      await auth.logout(actorOf(request), request.sessionTokenHash);
      reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
      return reply.status(204).send();
    });

    app.get(
      '/auth/me',
      { config: { permission: 'authenticated' }, schema: { tags, response: { 200: Me } } },
      async (request) => auth.me(actorOf(request)),
    );

    app.patch(
      '/auth/me',
      { config: { permission: 'authenticated' }, schema: { tags, body: UpdateMeBody, response: { 200: Me } } },
      async (request) => auth.updateMe(actorOf(request), request.body),
    );

    app.post(
      '/auth/password',
      { config: { permission: 'authenticated' }, schema: { tags, body: ChangePasswordBody } },
      async (request, reply) => {
        await auth.changePassword(actorOf(request), request.body, request.sessionTokenHash);
        return reply.status(204).send();
      },
    );

    app.get(
      '/auth/tokens',
      { config: { permission: 'authenticated' }, schema: { tags, response: { 200: ApiTokenList } } },
      async (request) => ({ items: await auth.listApiTokens(actorOf(request)) }),
    );

    app.post(
      '/auth/tokens',
      {
        config: { permission: 'authenticated' },
        schema: { tags, body: CreateApiTokenBody, response: { 201: CreatedApiToken } },
      },
      async (request, reply) => reply.status(201).send(await auth.createApiToken(actorOf(request), request.body)),
    );

    app.delete(
      '/auth/tokens/:id',
      { config: { permission: 'authenticated' }, schema: { tags, params: IdParams } },
      async (request, reply) => {
        await auth.revokeApiToken(actorOf(request), request.params.id);
        return reply.status(204).send();
      },
    );
  };
