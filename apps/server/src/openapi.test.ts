import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './platform/config/config.js';
import { generateOpenApiDocument } from './openapi.js';

describe('docs/openapi.json', () => {
  it('is up to date with the route schemas (run `npm run api:spec` after changing an API)', async () => {
    const committed = readFileSync(path.join(REPO_ROOT, 'docs/openapi.json'), 'utf8');
    expect(await generateOpenApiDocument()).toBe(committed);
  });
});
