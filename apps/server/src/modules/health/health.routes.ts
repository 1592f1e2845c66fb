import { Health } from '@guanxi/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.js';
import { VERSION } from '../../version.js';

export const healthRoutes =
  ({ database }: { database: Database }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/health',
      { config: { permission: 'public' }, schema: { tags: ['platform'], response: { 200: Health } } },
      async () => {
        await database.db.execute(sql`select 1`);
        return { status: 'ok' as const, db: database.kind, version: VERSION };
      },
    );
  };
