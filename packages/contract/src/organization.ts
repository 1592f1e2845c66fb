import { Type, type Static } from 'typebox';
import { Id } from './common.js';

/**
 * An organization's login code: 2–32 lower-case letters, digits and hyphens, starting and ending
 * with a letter or digit. Sign-in names the organization with it (`name@code`).
 */
export const ORGANIZATION_CODE_PATTERN = '^[a-z0-9][a-z0-9-]{0,30}[a-z0-9]$';

/** The caller's own organization. */
export const Organization = Type.Object({
  id: Id,
  name: Type.String(),
  code: Type.String(),
});
export type Organization = Static<typeof Organization>;

export const UpdateOrganizationBody = Type.Object(
  {
    /**
     * The new login code. Letters are taken in lower case; anything but 2–32 lower-case letters,
     * digits and hyphens (see ORGANIZATION_CODE_PATTERN) answers 400 naming `code`, a code of another
     * organization 409.
     */
    code: Type.String({ minLength: 1, maxLength: 64 }),
  },
  { additionalProperties: false },
);
export type UpdateOrganizationBody = Static<typeof UpdateOrganizationBody>;
