import type { Strings } from './catalog';
import type tenantZhCN from './tenant.zh-CN';

/** Signing in to one of several organizations and the organization's own settings (en). */
const tenantEn: Strings<typeof tenantZhCN> = {
  tenant: {
    organizationCode: 'Organization code',
    organizationCodePlaceholder: 'e.g. acme (ask your administrator)',
    organizationCodeRequired: 'Enter your organization code (or write the username as username@code)',
    demoHintWithCode: 'Demo: organization code demo, admin / guanxi-demo',
    menu: 'Organization',
    title: 'Organization',
    name: 'Name',
    code: 'Organization code',
    codeHelp: 'Colleagues enter this code when they sign in, or write their username as username@code.',
    codeChangeWarning:
      'After a change everyone signs in with the new code; people already signed in stay signed in. Tell your colleagues first.',
    codeInvalid: 'Use 2–32 lower-case letters, digits or hyphens, starting and ending with a letter or digit',
    signInExample: 'Sign in as: {{username}}@{{code}}',
    saved: 'Organization code updated',
  },
};

export default tenantEn;
