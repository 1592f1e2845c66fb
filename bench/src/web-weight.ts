/**
 * `npx tsx bench/src/web-weight.ts [--pglite DIR | --db URL]`
 *
 * What a browser downloads for the sign-in page and the first pages after it: files, bytes as built
 * (what was sent before the build's precompressed copies) and bytes on the wire (what is sent now),
 * read from Chromium's own accounting. Results go to bench/results-web-weight.md.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page, type Response } from 'playwright-core';
import { BENCH_DIR, TARGET_OPTIONS, parseArgs, targetFrom } from './common.js';
import { startServer, stopServer } from './server-control.js';

interface Weight {
  page: string;
  files: number;
  builtBytes: number;
  wireBytes: number;
}

/** Loads `open` in a fresh page and sums the scripts and styles it fetched. */
async function weigh(page: Page, name: string, open: () => Promise<unknown>): Promise<Weight> {
  const responses: Response[] = [];
  const listener = (response: Response) => {
    if (/\.(js|css)$/.test(new URL(response.url()).pathname)) responses.push(response);
  };
  page.on('response', listener);
  await open();
  await page.waitForLoadState('networkidle');
  page.off('response', listener);
  let builtBytes = 0;
  let wireBytes = 0;
  for (const response of responses) {
    builtBytes += (await response.body()).length;
    wireBytes += (await response.request().sizes()).responseBodySize;
  }
  return { page: name, files: responses.length, builtBytes, wireBytes };
}

async function main() {
  const { values } = parseArgs({ options: TARGET_OPTIONS });
  const target = targetFrom(values);
  const server = await startServer(target);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  const weights: Weight[] = [];
  try {
    const base = `http://127.0.0.1:${server.port}`;
    // Each page opened cold, in a browser context of its own (empty cache), as on a first visit.
    const signIn = await browser.newContext();
    const loginPage = await signIn.newPage();
    weights.push(await weigh(loginPage, 'sign-in page (/login)', () => loginPage.goto(`${base}/login`)));
    await loginPage.getByTestId('login-username').fill('admin');
    await loginPage.getByTestId('login-password').fill('guanxi-demo');
    await Promise.all([loginPage.waitForURL(`${base}/`), loginPage.getByTestId('login-submit').click()]);
    const cookies = await signIn.cookies();
    for (const [name, route] of [
      ['workbench (/), signed in', '/'],
      ['customer list (/customers), signed in', '/customers'],
      ['lifecycle board with charts (/lifecycle), signed in', '/lifecycle'],
    ] as const) {
      const context = await browser.newContext();
      await context.addCookies(cookies);
      const page = await context.newPage();
      weights.push(await weigh(page, name, () => page.goto(`${base}${route}`)));
      await context.close();
    }
    await signIn.close();
  } finally {
    await browser.close();
    await stopServer(server.child);
  }
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
  const lines = [
    '# Web app weight (issue 14 item 11)',
    '',
    `${new Date().toISOString()}, ${os.cpus().length} cores, served by \`guanxi serve\` over plain HTTP to Chromium`,
    '(which accepts gzip there; Brotli is sent over HTTPS). Scripts and styles only, each page opened',
    'cold (empty cache), as on a first visit.',
    '',
    '| page | files | as built (sent before) | on the wire (sent now) |',
    '|---|---|---|---|',
    ...weights.map((w) => `| ${w.page} | ${w.files} | ${kb(w.builtBytes)} | ${kb(w.wireBytes)} |`),
    '',
  ];
  writeFileSync(path.join(BENCH_DIR, 'results-web-weight.md'), lines.join('\n'));
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
