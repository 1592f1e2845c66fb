import type { ConvertLeadBody, ConvertLeadResult, CreateContactBody, CreateCustomerBody } from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/client.js';
import type { EventBus } from '../../platform/events/index.js';
import { AppError, forbidden } from '../../platform/errors/app-error.js';
import { createContactsService } from '../contacts/index.js';
import { createCustomersService } from '../customers/index.js';
import { writtenLeadScope } from './lead-scope.js';
import { leadsRepository, type LeadRow } from './leads.repository.js';
import { lockWritableLead } from './leads.service.js';
import { toLead } from './leads.values.js';

/** Leaves out empty values, so field permissions judge only what is really written. */
const present = <T extends object>(values: T): T =>
  Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined)) as T;

/** The customer a lead becomes: a company when the lead names one, else the person. */
function customerFromLead(lead: LeadRow, actor: Actor, overrides: ConvertLeadBody['customer']): CreateCustomerBody {
  const kind = overrides?.kind ?? (lead.companyName ? 'company' : 'person');
  const base = present({
    kind,
    name: kind === 'company' ? (lead.companyName ?? lead.name) : lead.name,
    // A person's customer phone must be a mobile; a company may keep the landline.
    phone: kind === 'person' ? lead.mobile : (lead.phone ?? lead.mobile),
    email: lead.email,
    source: lead.source as CreateCustomerBody['source'],
    remarks: lead.remarks,
    // The customer stays with whoever holds the lead; an unassigned lead goes to the converter.
    ownerId: lead.ownerId !== null && lead.ownerId !== actor.userId ? lead.ownerId : undefined,
  });
  return { ...base, ...overrides } as CreateCustomerBody;
}

export function createLeadConversionService({ db, events }: { db: Db; events: EventBus }) {
  return {
    /**
     * Converts a lead once, in one transaction: the customer (through the customers module, so
     * the duplicate check, the audit and `customer.created` with its first stage transition run
     * exactly as for any new customer), the primary contact, and the link back on the lead.
     */
    async convert(actor: Actor, id: string, body: ConvertLeadBody): Promise<ConvertLeadResult> {
      if (!actor.permissions.has('customers.create')) throw forbidden();
      return db.transaction(async (tx) => {
        const lead = await lockWritableLead(tx, actor, id);
        if (lead.status === 'converted') throw new AppError('conflict', 'error.leadConverted');
        if (lead.status === 'invalid') throw new AppError('conflict', 'error.leadInvalid');
        // The modules' own services run inside this transaction (drizzle nests them as savepoints).
        const { duplicateWarnings: _warnings, ...customer } = await createCustomersService({ db: tx, events }).create(
          actor,
          customerFromLead(lead, actor, body.customer),
          // The lead's source goes with it, even if the source has been deactivated since.
          { carried: { source: lead.source } },
        );
        let contact: ConvertLeadResult['contact'] = null;
        if (body.createContact ?? true) {
          const input = present({
            customerId: customer.id,
            name: lead.name,
            title: lead.title,
            mobile: lead.mobile,
            email: lead.email,
            wechat: lead.wechat,
            isPrimary: true,
          });
          const { duplicateWarnings: _contactWarnings, ...created } = await createContactsService({ db: tx }).create(
            actor,
            input as CreateContactBody,
          );
          contact = created;
        }
        const changes = {
          status: 'converted',
          convertedCustomerId: customer.id,
          convertedContactId: contact?.id ?? null,
          convertedAt: new Date(),
        };
        await leadsRepository.update(tx, { orgId: actor.orgId, id, version: lead.version }, changes);
        await recordAudit(tx, actor, {
          action: 'convert',
          entity: 'lead',
          entityId: id,
          before: { status: lead.status },
          after: { ...changes, convertedAt: changes.convertedAt.toISOString() },
        });
        const converted = (await leadsRepository.getById(tx, writtenLeadScope(actor), id))!;
        return { lead: toLead(converted, actor), customer, contact };
      });
    },
  };
}
