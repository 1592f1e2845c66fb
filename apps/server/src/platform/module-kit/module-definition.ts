import type { CustomerDiscountSource } from '../pricing/index.js';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ApprovalBusinessType, ApprovalContextFacts, ApprovalFollowUp, Locale } from '@guanxi/contract';
import type { LoginThrottle } from '../auth/login-throttle.js';
import type { Config } from '../config/config.js';
import type { Database, Db, Executor } from '../db/client.js';
import type { DomainEvent, EventBus } from '../events/index.js';
import type { MessageCatalog } from '../i18n/messages.js';
import type { JobDefinition, JobRegistry } from '../jobs/job-registry.js';
import type { ListExports } from '../export/index.js';

/** What the composition root hands every module's routes: one object, so a new dependency is one field. */
export interface ModuleContext {
  database: Database;
  db: Db;
  events: EventBus;
  config: Config;
  /** Where uploaded files live (config.dataDir). */
  dataDir: string;
  loginThrottle: LoginThrottle;
  /** Every module's durable jobs (the jobs module lists and runs them). */
  jobs: JobRegistry;
  /** Registers a list's export endpoint (streaming, per-user limit, audit). */
  listExports: ListExports;
}

/** A new organization as its seeders see it, inside the creating transaction. */
export interface NewOrganization {
  orgId: string;
  locale: Locale;
}

/** What a module puts into a new organization (defaults, default pool …), in the creating transaction. */
export type OrganizationSeeder = (tx: Executor, organization: NewOrganization) => Promise<void>;

/** The demo organization as the demo seed has built it so far: people and customers to hang records on. */
export interface DemoOrganization {
  orgId: string;
  /** Customers owned by the sales reps, for deals, visits, expenses and orders. */
  dealCustomers: { id: string; ownerId: string }[];
  financeUserId: string;
}

export interface DemoSeed {
  /** Modules whose demo records this one builds on (their demo seeds run first). */
  after?: readonly string[];
  seed(tx: Executor, demo: DemoOrganization): Promise<void>;
}

/** Who approves a request of a business type while the organization has not set up its own flow. */
export type ApprovalDefaultStep = 'manager' | 'finance';

/**
 * A module's binding to the approvals engine for one business type (`<module>.approvals.ts`): the
 * engine's decision reaches `decide` in the deciding transaction.
 */
export interface ApprovalAdapter {
  businessType: ApprovalBusinessType;
  defaultStep: ApprovalDefaultStep;
  decide(tx: Executor, event: DomainEvent<'approval.decided'>): Promise<void>;
  /**
   * The facts a decider needs (issue 14), read by the owning module from its own tables for a request
   * the engine already showed the reader; null when the record is gone.
   */
  context?(db: Executor, request: ApprovalContextRequest): Promise<ApprovalContextFacts | null>;
}

/** The request whose context is read, and who reads it (their own price authority, their language). */
export interface ApprovalContextRequest {
  orgId: string;
  viewerId: string;
  locale: Locale;
  entityType: string;
  entityId: string;
  customerId: string | null;
}

/** A customer's latest follow-ups in the reader's language, newest first (no user scope: the caller checked). */
export type RecentFollowUpsReader = (
  db: Executor,
  key: { orgId: string; customerId: string; locale: Locale; limit: number },
) => Promise<ApprovalFollowUp[]>;

/**
 * Facts one module lends to other modules' approval cards through the composition root, where a
 * direct import would close a module cycle (follow-ups build on customers, which build on lifecycle).
 */
export interface ApprovalFactSources {
  recentFollowUps?: RecentFollowUpsReader;
}

/** One server module as the composition root sees it (`modules/registry.ts` lists them). */
export interface ModuleDefinition {
  name: string;
  /** Registered under /api/v1 in registry order (the OpenAPI document follows it). */
  routes?: (context: ModuleContext) => FastifyPluginAsyncTypebox;
  /** Domain-event handlers; subscribed once per app, in registry order. */
  subscribe?: (events: EventBus) => void;
  jobs?: () => readonly JobDefinition[];
  organizationSeed?: OrganizationSeeder;
  demoSeed?: DemoSeed;
  approvals?: readonly ApprovalAdapter[];
  approvalFacts?: ApprovalFactSources;
  /** The module's server messages (`<module>.messages.ts`), registered before any request. */
  messages?: MessageCatalog;
  /** A customer's standing discount the order price checks let through (members' level discount). */
  customerDiscounts?: CustomerDiscountSource;
}

/** Identity, for the type check and the reader: `export const ordersModule = defineModule({ … })`. */
export const defineModule = <const T extends ModuleDefinition>(definition: T): T => definition;
