/**
 * The loop of a durable background worker (imports, background exports): `runOnce` claims and
 * finishes one job and says whether there was one; while there are jobs the loop goes on at once,
 * when idle it sleeps `pollMs` or until `notify()` says a job was just queued. `stop()` lets the job
 * in flight see `stopping` and give itself back, then waits for the loop to end.
 */
export function createPollingLoop(options: {
  runOnce: () => Promise<boolean>;
  pollMs: number;
  onError?: ((error: unknown) => void) | undefined;
}) {
  let stopping = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;

  const idle = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, options.pollMs);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  return {
    /** True once `stop()` was called: a job in flight ends after its batch or page. */
    get stopping(): boolean {
      return stopping;
    },
    start(): void {
      if (loop) return;
      stopping = false;
      loop = (async () => {
        while (!stopping) {
          let worked = false;
          try {
            worked = await options.runOnce();
          } catch (error) {
            options.onError?.(error);
          }
          if (!worked && !stopping) await idle();
        }
      })();
    },
    notify(): void {
      wake?.();
    },
    async stop(): Promise<void> {
      stopping = true;
      wake?.();
      await loop;
      loop = null;
    },
  };
}
