import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './platform/config/config.js';
import { API_PREFIX } from './app.js';
import { generateOpenApiDocument } from './openapi.js';
import { OPERATIONS_WITHOUT_NAMES } from './openapi.unnamed-operations.js';

interface Operation {
  summary?: string;
  operationId?: string;
}

describe('docs/openapi.json', () => {
  it('is up to date with the route schemas (run `npm run api:spec` after changing an API)', async () => {
    const committed = readFileSync(path.join(REPO_ROOT, 'docs/openapi.json'), 'utf8');
    expect(await generateOpenApiDocument()).toBe(committed);
  });

  it('gives every operation a summary and a unique operation id', () => {
    const document = JSON.parse(readFileSync(path.join(REPO_ROOT, 'docs/openapi.json'), 'utf8')) as {
      paths: Record<string, Record<string, Operation>>;
    };
    const operations = Object.entries(document.paths).flatMap(([route, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        name: `${method.toUpperCase()} ${route.replace(API_PREFIX, '')}`,
        operation,
      })),
    );
    const unnamed = operations.filter(({ operation }) => !operation.summary || !operation.operationId);
    expect(unnamed.map(({ name }) => name)).toEqual(OPERATIONS_WITHOUT_NAMES);

    const ids = operations.flatMap(({ operation }) => operation.operationId ?? []);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    expect(ids.filter((id) => !/^[a-z][A-Za-z0-9]*$/.test(id))).toEqual([]);
  });
});
