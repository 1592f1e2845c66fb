import { asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../platform/db/client.js';
import * as schema from '../platform/db/schema/index.js';
import { UNKNOWN_UUID, sampleOf, type SchemaNode } from './route-fuzz.inputs.js';

/**
 * What the sweeps over every route share (the route fuzz, the cross-organization sweep): the
 * operations of the OpenAPI document, and real record ids to put in their paths and bodies, so
 * that requests reach the services and their lookups instead of stopping at an unknown id.
 */

export interface Parameter {
  name: string;
  in: 'path' | 'query';
  required?: boolean;
  schema: SchemaNode;
}
export interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: SchemaNode;
  /** A multipart upload (the file in the field `file`) rather than a JSON body. */
  upload: boolean;
}

/** Every operation of the app's OpenAPI document, in the document's order. */
export function openApiOperations(app: FastifyInstance): Operation[] {
  const spec = app.swagger() as unknown as {
    paths: Record<
      string,
      Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: SchemaNode }> } }>
    >;
  };
  return Object.entries(spec.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      parameters: operation.parameters ?? [],
      body: operation.requestBody?.content['application/json']?.schema,
      upload: operation.requestBody?.content['multipart/form-data'] !== undefined,
    })),
  );
}

/** The record kind behind a path segment or a field name, so that valid ids reach the services. */
export const TABLES = {
  customers: schema.customers,
  contacts: schema.contacts,
  leads: schema.leads,
  lead_pools: schema.leadPools,
  customer_pools: schema.customerPools,
  follow_ups: schema.followUps,
  attachments: schema.attachments,
  sales_processes: schema.salesProcesses,
  competitors: schema.competitors,
  loss_reasons: schema.lossReasons,
  stages: schema.salesProcessStages,
  opportunities: schema.opportunities,
  tasks: schema.tasks,
  return_visits: schema.returnVisits,
  work_reports: schema.workReports,
  work_plans: schema.workPlans,
  payments: schema.payments,
  payment_plans: schema.paymentPlans,
  orders: schema.orders,
  approvals: schema.approvalRequests,
  product_categories: schema.productCategories,
  products: schema.products,
  expenses: schema.expenses,
  warehouses: schema.warehouses,
  departments: schema.departments,
  users: schema.users,
  roles: schema.roles,
  notifications: schema.notifications,
  todos: schema.todos,
  saved_views: schema.savedViews,
  tokens: schema.apiTokens,
  organization_exports: schema.organizationExports,
  imports: schema.importJobs,
  import_templates: schema.importTemplates,
  export_jobs: schema.listExportJobs,
  custom_fields: schema.customFieldDefinitions,
  members: schema.members,
  member_levels: schema.memberLevels,
  complaints: schema.complaints,
  complaint_categories: schema.complaintCategories,
};
export type Kind = keyof typeof TABLES;
const FIELD_KINDS: Record<string, Kind> = {
  customer: 'customers',
  contact: 'contacts',
  order: 'orders',
  product: 'products',
  warehouse: 'warehouses',
  toWarehouse: 'warehouses',
  user: 'users',
  owner: 'users',
  assignee: 'users',
  toUser: 'users',
  fromUser: 'users',
  manager: 'users',
  approver: 'users',
  recipient: 'users',
  adminUser: 'users',
  memberUser: 'users',
  employee: 'users',
  author: 'users',
  actor: 'users',
  department: 'departments',
  parent: 'departments',
  memberDepartment: 'departments',
  requiredDepartment: 'departments',
  role: 'roles',
  pool: 'customer_pools',
  lead: 'leads',
  opportunity: 'opportunities',
  category: 'product_categories',
  process: 'sales_processes',
  competitor: 'competitors',
  lostToCompetitor: 'competitors',
  lossReason: 'loss_reasons',
  stage: 'stages',
  plan: 'payment_plans',
  followUp: 'follow_ups',
  attachment: 'attachments',
  report: 'work_reports',
  related: 'customers',
  level: 'member_levels',
  store: 'departments',
  handler: 'users',
  parentCategory: 'complaint_categories',
};

/** The oldest record of each kind in the organization: the same one on every run, whatever order lists return. */
export async function oldestIds(db: Db, orgId: string): Promise<Map<Kind, string>> {
  const ids = new Map<Kind, string>();
  for (const [kind, table] of Object.entries(TABLES)) {
    const [row] = await db
      .select({ id: table.id })
      .from(table)
      .where(eq(table.orgId, orgId))
      .orderBy(asc(table.id))
      .limit(1);
    if (row) ids.set(kind as Kind, row.id);
  }
  return ids;
}

/** Picks ids from one set of records (one organization's) for fields and path parameters. */
export class RecordIds {
  constructor(readonly ids: ReadonlyMap<Kind, string>) {}

  /** The kind a field name refers to: customerId, ownerIds, … (undefined for a name of no known kind). */
  static kindOf(name: string): Kind | undefined {
    const base = name.replace(/Ids?$/, '');
    return FIELD_KINDS[base] ?? (base in TABLES ? (base as Kind) : undefined);
  }

  /** A record of the kind the field names, or an unknown id. */
  readonly idFor = (name: string): string => {
    const kind = RecordIds.kindOf(name);
    return (kind && this.ids.get(kind)) ?? UNKNOWN_UUID;
  };

  /** A path parameter's record kind comes from the segment before it: /orders/{id} → orders. */
  readonly idForPath = (path: string, name: string): string => {
    if (name !== 'id') return this.idFor(name);
    const segment = path.split(`/{${name}}`)[0]!.split('/').pop()!.replaceAll('-', '_');
    return this.ids.get(segment as Kind) ?? UNKNOWN_UUID;
  };

  /**
   * The operation's URL: path ids of these records (or of `pathIds`), other parameters sampled, and
   * the query parameters that are required or given (`query`, raw values already percent-encoded);
   * `fuzzed` puts one raw value in place of one parameter's.
   */
  urlOf(
    operation: Operation,
    options: {
      fuzzed?: { parameter: Parameter; raw: string };
      query?: Record<string, string>;
      pathIds?: RecordIds;
    } = {},
  ): string {
    const { fuzzed, query = {}, pathIds = this } = options;
    const valueOf = (p: Parameter) => {
      if (fuzzed?.parameter === p) return fuzzed.raw;
      if (p.in === 'query' && p.name in query) return query[p.name]!;
      const sample =
        p.in === 'path' && p.schema.format === 'uuid'
          ? pathIds.idForPath(operation.path, p.name)
          : sampleOf(p.schema, p.name, this.idFor);
      return encodeURIComponent(String(sample));
    };
    let url = operation.path;
    for (const p of operation.parameters.filter((x) => x.in === 'path')) url = url.replace(`{${p.name}}`, valueOf(p));
    const given = operation.parameters.filter(
      (p) => p.in === 'query' && (p.required || fuzzed?.parameter === p || p.name in query),
    );
    return given.length === 0 ? url : `${url}?${given.map((p) => `${p.name}=${valueOf(p)}`).join('&')}`;
  }

  /** A valid body for the schema (required fields only) referring to these records. */
  bodyFor(body: SchemaNode): unknown {
    return sampleOf(body, 'body', this.idFor);
  }
}

/** A field's place in a body: property names and array positions. */
export type FieldPath = (string | number)[];

/** Every field path of a body: top-level properties, and those of objects and object arrays inside. */
export function fieldPaths(
  node: SchemaNode,
  prefix: FieldPath = [],
  depth = 0,
): { path: FieldPath; schema: SchemaNode }[] {
  const object = [node, ...(node.anyOf ?? [])].find((s) => s.properties);
  if (!object?.properties || depth > 2) return [];
  return Object.entries(object.properties).flatMap(([key, child]) => {
    const items = [child, ...(child.anyOf ?? [])].find((s) => s.type === 'array')?.items;
    const nested = items?.properties
      ? fieldPaths(items, [...prefix, key, 0], depth + 1)
      : fieldPaths(child, [...prefix, key], depth + 1);
    return [{ path: [...prefix, key], schema: child }, ...nested];
  });
}

const MARKER = '\u0001sweep\u0001';
/**
 * A valid body (ids from `idFor`) with the value at `path` replaced by raw JSON text; the objects
 * and arrays on the way are filled in (an array with one element), so a nested field is reached.
 */
export function bodyWith(
  schemaNode: SchemaNode,
  path: FieldPath,
  raw: string | Buffer,
  idFor: (name: string) => string,
): Buffer {
  const body = sampleOf(schemaNode, 'body', idFor) as Record<string | number, unknown>;
  let container: Record<string | number, unknown> = body;
  let node: SchemaNode = schemaNode;
  for (const [i, key] of path.entries()) {
    const object = [node, ...(node.anyOf ?? [])].find((s) => s.properties || s.items) ?? node;
    node = (typeof key === 'number' ? object.items : object.properties?.[key]) ?? {};
    if (i === path.length - 1) container[key] = MARKER;
    else {
      container[key] ??= sampleOf({ ...node, minItems: Math.max(node.minItems ?? 0, 1) }, String(key), idFor);
      container = container[key] as Record<string | number, unknown>;
    }
  }
  const [before, after] = JSON.stringify(body).split(JSON.stringify(MARKER));
  return Buffer.concat([Buffer.from(before!), Buffer.from(raw), Buffer.from(after ?? '')]);
}
