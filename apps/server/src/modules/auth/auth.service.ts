import type {
  ApiToken,
  ChangePasswordBody,
  CreatedApiToken,
  LoginBody,
  LoginOptions,
  Me,
  UpdateMeBody,
} from '@guanxi/contract';
import { API_TOKEN_DEFAULT_DAYS, DEMO_ORGANIZATION_CODE, type CreateApiTokenBody } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { credentialsRepository } from '../../platform/auth/credentials.repository.js';
import { actorFromPrincipal } from '../../platform/auth/principal.js';
import { loginAccountKey, type LoginThrottle } from '../../platform/auth/login-throttle.js';
import {
  assertAcceptablePassword,
  hashPassword,
  timingDummyHash,
  verifyPassword,
} from '../../platform/auth/passwords.js';
import { hashSecret, newSecret } from '../../platform/auth/secrets.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { AppError, notFound } from '../../platform/errors/app-error.js';
import { authRepository } from './auth.repository.js';
import { iso } from '../../platform/db/row-values.js';

export interface AuthServiceDependencies {
  db: Db;
  loginThrottle: LoginThrottle;
  sessionAbsoluteHours: number;
}

export interface LoginRequest extends LoginBody {
  ip: string;
  userAgent: string | null;
}

/**
 * The login name and organization code a sign-in gives: `organization`, or else `name@code` in
 * the username (login names cannot contain `@`, so the split is unambiguous).
 */
function loginNameOf(request: LoginBody): { username: string; code: string | null } {
  if (request.organization !== undefined) return { username: request.username, code: request.organization.trim() };
  const at = request.username.lastIndexOf('@');
  return at > 0
    ? { username: request.username.slice(0, at), code: request.username.slice(at + 1) }
    : { username: request.username, code: null };
}

export function createAuthService({ db, loginThrottle, sessionAbsoluteHours }: AuthServiceDependencies) {
  /**
   * The organization signed in to: the named one (null when unknown, which fails like a wrong
   * password), or the only one. Naming none among several answers 400 before any account is looked
   * at, so the answer says nothing about the username.
   */
  async function organizationOf(code: string | null): Promise<{ id: string; code: string } | null> {
    if (code !== null) return authRepository.findOrganizationByCode(db, code);
    const organizations = await authRepository.findOrganizationsUpTo(db, 2);
    if (organizations.length > 1) {
      throw new AppError('validation', 'error.organizationRequired', {
        fields: [{ field: 'organization', key: 'validation.required' }],
      });
    }
    return organizations[0] ?? null;
  }

  return {
    /** Whether the sign-in page must ask for the organization (several organizations installed). */
    async loginOptions(): Promise<LoginOptions> {
      return {
        organizationRequired: (await authRepository.findOrganizationsUpTo(db, 2)).length > 1,
        demo: await authRepository.hasOrganizationCode(db, DEMO_ORGANIZATION_CODE),
      };
    },

    /** Checks the password and opens a new session; returns the secret for the cookie. */
    async login(request: LoginRequest): Promise<{ sessionToken: string; me: Me }> {
      const { username, code } = loginNameOf(request);
      const organization = await organizationOf(code);
      // The account is the organization's, so failures elsewhere never lock it (issue 10).
      const account = loginAccountKey(organization?.code ?? code ?? '', username);
      const wait = loginThrottle.retryAfterSeconds(account, request.ip);
      if (wait > 0) {
        throw new AppError('rate_limited', 'error.loginThrottled', {
          params: { seconds: wait },
          retryAfterSeconds: wait,
        });
      }
      const user = organization ? await authRepository.findLoginUser(db, organization.id, username) : null;
      // Unknown users and organizations cost a hash too, so timing does not tell which exist (security C2).
      const passwordOk = await verifyPassword(user?.passwordHash ?? (await timingDummyHash()), request.password);
      if (!user || !passwordOk || user.disabled) {
        loginThrottle.recordFailure(account, request.ip);
        throw new AppError('unauthenticated', 'error.loginFailed');
      }
      loginThrottle.recordSuccess(account, request.ip);
      const sessionToken = newSecret();
      await db.transaction(async (tx) => {
        await credentialsRepository.createSession(tx, {
          tokenHash: hashSecret(sessionToken),
          orgId: user.orgId,
          userId: user.id,
          expiresAt: new Date(Date.now() + sessionAbsoluteHours * 3600_000),
          ip: request.ip,
          userAgent: request.userAgent?.slice(0, 300) ?? null,
        });
        await recordAudit(
          tx,
          { orgId: user.orgId, userId: user.id, ip: request.ip, requestId: null },
          {
            action: 'login',
            entity: 'user',
            entityId: user.id,
          },
        );
      });
      const principal = await credentialsRepository.getPrincipalBySession(db, hashSecret(sessionToken), 60);
      if (!principal) throw new AppError('unauthenticated', 'error.loginFailed');
      return { sessionToken, me: this.me(actorFromPrincipal(principal, { ip: request.ip, requestId: null })) };
    },

    async logout(actor: Actor, sessionTokenHash: string | null): Promise<void> {
      if (sessionTokenHash === null) return;
      await db.transaction(async (tx) => {
        await credentialsRepository.deleteSession(tx, sessionTokenHash);
        await recordAudit(tx, actor, { action: 'logout', entity: 'user', entityId: actor.userId });
      });
    },

    me(actor: Actor): Me {
      return {
        id: actor.userId,
        username: actor.username,
        displayName: actor.displayName,
        locale: actor.locale,
        orgId: actor.orgId,
        orgName: actor.orgName,
        orgCode: actor.orgCode,
        orgTimeZone: actor.orgTimeZone,
        departmentId: actor.departmentId,
        permissions: [...actor.permissions].sort(),
        dataScope: actor.dataScope,
        fieldPermissions: actor.fieldPermissions,
        systemOperator: actor.systemOperator,
      };
    },

    async updateMe(actor: Actor, changes: UpdateMeBody): Promise<Me> {
      const current = { locale: actor.locale, displayName: actor.displayName };
      const changed = (Object.keys(changes) as (keyof UpdateMeBody)[]).filter(
        (key) => changes[key] !== undefined && changes[key] !== current[key],
      );
      // Saving an unchanged profile is not a change: no write, no audit entry.
      if (changed.length === 0) return this.me(actor);
      await db.transaction(async (tx) => {
        await authRepository.updateProfile(tx, actor.orgId, actor.userId, changes);
        await recordAudit(tx, actor, {
          action: 'update',
          entity: 'user',
          entityId: actor.userId,
          before: Object.fromEntries(changed.map((key) => [key, current[key]])),
          after: Object.fromEntries(changed.map((key) => [key, changes[key]])),
        });
      });
      return this.me({ ...actor, ...changes });
    },

    /** Changing one's password ends every other session (security C3). */
    async changePassword(actor: Actor, body: ChangePasswordBody, currentSessionHash: string | null): Promise<void> {
      const currentHash = await authRepository.getPasswordHash(db, actor.orgId, actor.userId);
      if (!currentHash || !(await verifyPassword(currentHash, body.currentPassword))) {
        throw new AppError('validation', 'error.wrongPassword', {
          fields: [{ field: 'currentPassword', key: 'validation.invalid' }],
        });
      }
      assertAcceptablePassword(body.newPassword, {
        field: 'newPassword',
        username: actor.username,
        organization: { name: actor.orgName, code: actor.orgCode },
      });
      const newHash = await hashPassword(body.newPassword);
      await db.transaction(async (tx) => {
        await authRepository.setPasswordHash(tx, actor.orgId, actor.userId, newHash);
        await credentialsRepository.deleteUserSessions(tx, actor.orgId, actor.userId, currentSessionHash ?? undefined);
        await recordAudit(tx, actor, { action: 'password_change', entity: 'user', entityId: actor.userId });
      });
    },

    async listApiTokens(actor: Actor): Promise<ApiToken[]> {
      const rows = await authRepository.findApiTokens(db, actor.orgId, actor.userId);
      return rows.map((r) => ({
        ...r,
        createdAt: iso(r.createdAt)!,
        lastUsedAt: iso(r.lastUsedAt),
        expiresAt: iso(r.expiresAt)!,
      }));
    },

    /** The secret is returned once; only its hash is stored (security C5). It expires after the chosen days. */
    async createApiToken(actor: Actor, body: CreateApiTokenBody): Promise<CreatedApiToken> {
      const token = newSecret('gx_');
      const id = newId();
      const prefix = token.slice(0, 10);
      const name = body.name.trim();
      if (!name)
        throw new AppError('validation', 'error.validation', {
          fields: [{ field: 'name', key: 'validation.required' }],
        });
      const expiresAt = new Date(Date.now() + (body.expiresInDays ?? API_TOKEN_DEFAULT_DAYS) * 24 * 3600_000);
      const created = await db.transaction(async (tx) => {
        const row = await authRepository.createApiToken(tx, {
          orgId: actor.orgId,
          id,
          userId: actor.userId,
          name,
          prefix,
          tokenHash: hashSecret(token),
          expiresAt,
        });
        await recordAudit(tx, actor, {
          action: 'create',
          entity: 'api_token',
          entityId: id,
          after: { name, prefix, expiresAt: expiresAt.toISOString() },
        });
        return row;
      });
      return {
        id,
        name,
        prefix,
        createdAt: iso(created.createdAt)!,
        lastUsedAt: null,
        expiresAt: expiresAt.toISOString(),
        token,
      };
    },

    async revokeApiToken(actor: Actor, id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const revoked = await authRepository.revokeApiToken(tx, actor.orgId, actor.userId, id);
        if (!revoked) throw notFound('entity.apiToken');
        await recordAudit(tx, actor, { action: 'delete', entity: 'api_token', entityId: id });
      });
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
