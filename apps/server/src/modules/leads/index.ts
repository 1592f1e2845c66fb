import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/client.js';
import type { EventBus } from '../../platform/events/index.js';
import { leadPoolsRoutes } from './lead-pools.routes.js';
import { registerLeadDuplicateSource } from './leads.duplicates.js';
import { leadsRoutes as leadRecordRoutes } from './leads.routes.js';
import { registerLeadSearchProvider } from './leads.search.js';
import { defineModule } from '../../platform/module-kit/module-definition.js';
import { leadsMessages } from './leads.messages.js';
import type { ListExports } from '../../platform/export/index.js';

/** Leads and lead pools; also adds unconverted leads to the duplicate check and leads to the quick search. */
const leadsRoutes =
  ({ db, events, listExports }: { db: Db; events: EventBus; listExports: ListExports }): FastifyPluginAsyncTypebox =>
  async (app) => {
    registerLeadDuplicateSource();
    registerLeadSearchProvider();

    await app.register(leadRecordRoutes({ db, events, listExports }));
    await app.register(leadPoolsRoutes({ db }));
  };
export { heldLeadsHandover } from './leads.handover.js';
export { readableLeadScope } from './lead-scope.js';
export { lockWritableLead } from './leads.lookups.js';
export { leadDerivedColumns, leadFieldAccess } from './leads.values.js';
export {
  findAssignableLeadOwners,
  findLeadsForImport,
  insertLeadRows,
  updateLeadForImport,
  type LeadImportRow,
} from './leads.import-lookups.js';

export const leadsModule = defineModule({ name: 'leads', messages: leadsMessages, routes: leadsRoutes });
