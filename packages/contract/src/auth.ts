import { Type, type Static } from 'typebox';
import { Id, Locale, Nullable, Timestamp } from './common.js';
import { DataScope, FieldPermissions, PermissionSchema } from './vocabulary.js';

export const LoginBody = Type.Object(
  {
    /** The login name, or `name@code` naming the organization by its code. */
    username: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 128 }),
    /**
     * The organization's code (`demo`, `acme`). Login names are unique per organization only, so
     * an installation with several organizations needs it (here or as `name@code`).
     */
    organization: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

/** What the sign-in page needs to know before anyone has signed in. */
/** The demo organization's login code (`npm start` seeds it on an empty embedded database). */
export const DEMO_ORGANIZATION_CODE = 'demo';

export const LoginOptions = Type.Object({
  /** True when the installation hosts several organizations, so sign-in must name one. */
  organizationRequired: Type.Boolean(),
  /**
   * True when the demo organization (code `demo`) is installed: only then does the page show the
   * demo sign-in, which a real installation must not advertise.
   */
  demo: Type.Boolean(),
});
export type LoginOptions = Static<typeof LoginOptions>;

/** The signed-in user as the web app sees it. */
export const Me = Type.Object({
  id: Id,
  username: Type.String(),
  displayName: Type.String(),
  locale: Locale,
  orgId: Id,
  orgName: Type.String(),
  /** The organization's login code. */
  orgCode: Type.String(),
  /**
   * The organization's IANA time zone (Asia/Shanghai): "today", this month and default periods are
   * its calendar days, whatever zone the reader's device is in.
   */
  orgTimeZone: Type.String(),
  departmentId: Nullable(Id),
  permissions: Type.Array(PermissionSchema),
  dataScope: DataScope,
  fieldPermissions: FieldPermissions,
  /** Operates the installation: may run jobs that span every organization. */
  systemOperator: Type.Boolean(),
});
export type Me = Static<typeof Me>;

export const UpdateMeBody = Type.Object(
  {
    locale: Type.Optional(Locale),
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type UpdateMeBody = Static<typeof UpdateMeBody>;

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: PASSWORD_MAX }),
    newPassword: Type.String({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX }),
  },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

export const ApiToken = Type.Object({
  id: Id,
  name: Type.String(),
  prefix: Type.String(),
  createdAt: Timestamp,
  /** Recorded at most once a minute per token, so bearer traffic does not write on every request. */
  lastUsedAt: Nullable(Timestamp),
  /** After this instant the token authenticates nothing (401). */
  expiresAt: Timestamp,
});
export type ApiToken = Static<typeof ApiToken>;

/** Token lifetimes in days: the default, the longest allowed and the choices the web app offers. */
export const API_TOKEN_DEFAULT_DAYS = 90;
export const API_TOKEN_MAX_DAYS = 365;
export const API_TOKEN_LIFETIME_CHOICES = [7, 30, 90, 180, 365] as const;
export const CreateApiTokenBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 64 }),
    /** Days until the token expires (default 90, at most a year). */
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: API_TOKEN_MAX_DAYS })),
  },
  { additionalProperties: false },
);
export type CreateApiTokenBody = Static<typeof CreateApiTokenBody>;
/** Returned once, at creation: the only time the secret is visible. */
export const CreatedApiToken = Type.Object({ ...ApiToken.properties, token: Type.String() });
export type CreatedApiToken = Static<typeof CreatedApiToken>;
export const ApiTokenList = Type.Object({ items: Type.Array(ApiToken) });
