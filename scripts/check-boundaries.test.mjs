import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const script = path.join(import.meta.dirname, 'check-boundaries.mjs');
let root;

/** A throwaway source tree: { 'apps/web/src/features/a/index.ts': "…" }. */
function tree(files) {
  root = mkdtempSync(path.join(tmpdir(), 'check-boundaries-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return spawnSync(process.execPath, [script, '--root', root, '--counts'], { encoding: 'utf8' });
}

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('check-boundaries', () => {
  it('passes a tree whose units meet only through their index', () => {
    const run = tree({
      'apps/server/src/modules/orders/index.ts': "export { submit } from './orders.service.js';\n",
      'apps/server/src/modules/orders/orders.service.ts': "import { find } from '../customers/index.js';\n",
      'apps/server/src/modules/customers/index.ts': 'export const find = 1;\n',
      'apps/server/src/modules/customers/customers.fixtures.ts': 'export const aCustomer = 1;\n',
      // A test may use another module's fixtures.
      'apps/server/src/modules/orders/orders.test.ts':
        "import { aCustomer } from '../customers/customers.fixtures.js';\n",
      'apps/web/src/features/a/A.tsx': "import { b } from '../b';\nimport { api } from '../../platform/api';\n",
      'apps/web/src/features/b/index.ts': 'export const b = 1;\n',
      'apps/web/src/platform/api.ts': 'export const api = 1;\n',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      'server module': { reaches: 0, cycles: 0 },
      'web feature': { reaches: 0, cycles: 0 },
    });
  });

  it('fails on a reach into another unit, a cycle, and a platform importing a unit, naming each', () => {
    const run = tree({
      'apps/server/src/modules/orders/orders.service.ts':
        "import { findCustomer } from '../customers/customers.repository.js';\n",
      'apps/server/src/modules/customers/index.ts': "export * from '../orders/index.js';\n",
      // Only tests may use another module's fixtures.
      'apps/server/src/modules/customers/customers.service.ts':
        "import { anOrder } from '../orders/orders.fixtures.js';\n",
      'apps/server/src/platform/db/client.ts': "import type { Order } from '../../modules/orders/index.js';\n",
      'apps/web/src/features/a/A.tsx': "const B = lazy(() => import('../b/B'));\n",
      'apps/web/src/features/b/B.tsx': "import {\n  a,\n} from '../a';\n",
    });
    expect(run.status).toBe(1);
    const problems = run.stderr.split('\n');
    expect(problems).toContain(
      'server module orders reaches into customers/customers.repository (import its index): ' +
        'apps/server/src/modules/orders/orders.service.ts → ../customers/customers.repository.js',
    );
    expect(problems).toContain(
      'server module customers reaches into orders/orders.fixtures (import its index): ' +
        'apps/server/src/modules/customers/customers.service.ts → ../orders/orders.fixtures.js',
    );
    expect(problems).toContain('server module cycle: customers ↔ orders');
    expect(problems).toContain(
      'apps/server/src/platform imports server module orders: apps/server/src/platform/db/client.ts → ../../modules/orders/index.js',
    );
    expect(problems).toContain(
      'web feature a reaches into b/B (import its index): apps/web/src/features/a/A.tsx → ../b/B',
    );
    expect(problems).toContain('web feature cycle: a ↔ b');
    expect(JSON.parse(run.stdout)).toEqual({
      'server module': { reaches: 2, cycles: 1 },
      'web feature': { reaches: 1, cycles: 1 },
    });
  });
});
