import { defineModule } from '../../platform/module-kit/module-definition.js';
import { importKinds } from './import-kinds.js';
import { importsMessages } from './imports.messages.js';
import { importOptionMessages } from './import-options.js';
import { importsRoutes } from './imports.routes.js';
export { createImportWorker, type ImportWorker, type ImportWorkerOptions } from './import-worker.js';
export { importWorkerSignal } from './import-worker-signal.js';
export { createImportsService, type ImportsService } from './imports.service.js';
export type { ImportKind, ImportBatchContext, ImportFieldSpec, ImportRow, ImportRowResult } from './import-kind.js';

/** The kinds' own texts join the engine's (a kind's key never collides: `imports.<kind>.…`). */
const messages = {
  en: Object.assign(
    {},
    importsMessages.en,
    importOptionMessages.en,
    ...importKinds.map((kind) => kind.messages?.en ?? {}),
  ) as Record<string, string>,
  zhCN: Object.assign(
    {},
    importsMessages.zhCN,
    importOptionMessages.zhCN,
    ...importKinds.map((kind) => kind.messages?.zhCN ?? {}),
  ) as Record<string, string>,
};

export const importsModule = defineModule({
  name: 'imports',
  messages,
  routes: importsRoutes,
});
