import {
  CUSTOMER_LIST_COLUMNS,
  type CustomerColumnChoice,
  type CustomerColumnPreference,
  type CustomerCustomColumn,
  type SetCustomerColumnPreferenceBody,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { listPreferencesRepository } from './list-preferences.repository.js';

/**
 * Stored choices are kept in the list's own order, and columns a newer version dropped are ignored;
 * custom field columns (`cf.<key>`) follow in the order chosen.
 */
const inListOrder = (columns: readonly string[]): CustomerColumnChoice[] => [
  ...CUSTOMER_LIST_COLUMNS.filter((column) => columns.includes(column)),
  ...columns.filter((column): column is CustomerCustomColumn => column.startsWith('cf.')),
];

/**
 * A user's own column choice of the customer list, stored on the server so it follows them across
 * devices. It is screen layout, not business data: nobody else reads it, and it is not audited.
 */
export function createListPreferencesService({ db }: { db: Db }) {
  const keyOf = (actor: Actor) => ({ orgId: actor.orgId, userId: actor.userId, list: 'customers' });
  return {
    async getCustomerColumns(actor: Actor): Promise<CustomerColumnPreference> {
      const columns = await listPreferencesRepository.getColumns(db, keyOf(actor));
      return { columns: columns === null ? null : inListOrder(columns) };
    },

    async setCustomerColumns(actor: Actor, body: SetCustomerColumnPreferenceBody): Promise<CustomerColumnPreference> {
      if (body.columns === null) {
        await listPreferencesRepository.delete(db, keyOf(actor));
        return { columns: null };
      }
      const columns = inListOrder(body.columns);
      await listPreferencesRepository.upsertColumns(db, keyOf(actor), columns);
      return { columns };
    },
  };
}
