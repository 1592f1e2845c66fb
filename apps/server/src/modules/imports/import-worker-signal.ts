/**
 * The route's way to wake the server's import worker when a job is queued, without the routes
 * holding the worker (tests build the app without one). The server sets `notify` when it starts it.
 */
export const importWorkerSignal: { notify: () => void } = { notify: () => undefined };
