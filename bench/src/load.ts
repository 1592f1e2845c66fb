/**
 * One autocannon run in its own process (run.ts starts it), so the load generator does not share
 * an event loop with the measuring process. Reads a JSON job from argv[2]; prints one JSON result.
 * Latencies are kept per response (autocannon's own summary has no p95).
 */
import autocannon from 'autocannon';
import { summarize } from './common.js';

export interface LoadJob {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** Replaced in the body by a number unique to each request (a fresh phone for creates, which block on duplicates). */
  uniquePlaceholder?: string;
  connections: number;
  durationSeconds: number;
  /**
   * A mix (W13): each connection sends these in turn, starting over at the end. Paths are
   * relative to `url`'s origin; a body containing `uniquePlaceholder` gets a fresh number each time.
   */
  sequence?: { method: 'GET' | 'POST'; path: string; body?: string }[];
}

export interface LoadResult {
  connections: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** Seven digits, different for every request of this process and (very likely) of earlier runs. */
let next = Math.floor(Date.now() / 7) % 9_000_000;
const uniqueDigits = () => String(1_000_000 + (next++ % 9_000_000));

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? '{}') as LoadJob;
  const latencies: number[] = [];
  let non2xx = 0;
  const started = performance.now();
  let finish: (value: autocannon.Result) => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    {
      url: job.url,
      method: job.method,
      headers: job.headers,
      ...(job.body === undefined ? {} : { body: job.body }),
      ...(job.sequence
        ? {
            requests: job.sequence.map((step) => ({
              method: step.method,
              path: step.path,
              ...(step.body === undefined
                ? {}
                : {
                    body: step.body,
                    headers: { ...job.headers, 'content-type': 'application/json' },
                    setupRequest: (req: autocannon.Request) => ({
                      ...req,
                      body: job.uniquePlaceholder
                        ? step.body!.replaceAll(job.uniquePlaceholder, uniqueDigits())
                        : step.body,
                    }),
                  }),
            })),
          }
        : job.body !== undefined && job.uniquePlaceholder
          ? {
              requests: [
                {
                  method: job.method,
                  setupRequest: (req: autocannon.Request) => ({
                    ...req,
                    body: job.body!.replaceAll(job.uniquePlaceholder!, uniqueDigits()),
                  }),
                },
              ],
            }
          : {}),
      connections: job.connections,
      duration: job.durationSeconds,
      timeout: 30,
    },
    (error, result) => (error ? fail(error) : finish(result)),
  );
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    else non2xx++;
  });
  const result = await done;
  const elapsed = (performance.now() - started) / 1000;
  const summary = summarize(latencies);
  const out: LoadResult = {
    connections: job.connections,
    requests: latencies.length,
    requestsPerSecond: latencies.length / Math.min(elapsed, result.duration || elapsed),
    p50: summary.p50,
    p95: summary.p95,
    p99: summary.p99,
    errors: result.errors + result.timeouts,
    non2xx,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
