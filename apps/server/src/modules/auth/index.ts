import { defineModule } from '../../platform/module-kit/module-definition.js';
import { authMessages } from './auth.messages.js';
import { authRoutes } from './auth.routes.js';

/** Sign-in, sessions, API tokens and the own account. */
export const authModule = defineModule({ name: 'auth', messages: authMessages, routes: authRoutes });
