import { defineModule } from '../../platform/module-kit/module-definition.js';
import { handoverMessages } from './handover.messages.js';
import { handoverRoutes } from './handover.routes.js';

/** Hand-over of a leaving user's customers, leads, deals, orders, tasks and approvals (离职交接, issue 13). */
export const handoverModule = defineModule({ name: 'handover', messages: handoverMessages, routes: handoverRoutes });
