/** How far a running import is, as the progress bar and its caption show it. */
export interface ProgressFigures {
  /** 0–100, whole numbers; 100 only when every row is done. */
  percent: number;
  /** Rows per second since the run started; null until there is something to measure. */
  rowsPerSecond: number | null;
  /** Estimated seconds until the last row; null while the rate is unknown. */
  secondsLeft: number | null;
}

/**
 * The figures of a run that started at `startedAtMs` and has done `done` of `total` rows by `nowMs`.
 *
 * @example progressFigures({ done: 50, total: 200, startedAtMs: 0, nowMs: 10_000 })
 *          // { percent: 25, rowsPerSecond: 5, secondsLeft: 30 }
 */
export function progressFigures(options: {
  done: number;
  total: number;
  startedAtMs: number | null;
  nowMs: number;
}): ProgressFigures {
  const { done, total, startedAtMs, nowMs } = options;
  const safeDone = Math.max(0, Math.min(done, total));
  // A bar at 100 % while the last rows are still being written would lie; it reaches 100 only at the end.
  const percent = total <= 0 ? 0 : safeDone >= total ? 100 : Math.min(99, Math.floor((safeDone / total) * 100));
  const elapsedSeconds = startedAtMs === null ? 0 : (nowMs - startedAtMs) / 1000;
  if (safeDone === 0 || elapsedSeconds <= 0) return { percent, rowsPerSecond: null, secondsLeft: null };
  const rowsPerSecond = safeDone / elapsedSeconds;
  return { percent, rowsPerSecond, secondsLeft: Math.ceil((total - safeDone) / rowsPerSecond) };
}

const unit = (locale: string, name: 'hour' | 'minute' | 'second', value: number) =>
  new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);

/**
 * A time left as people say it, in the reader's language: seconds under a minute, whole minutes
 * (rounded up) under an hour, then hours and minutes.
 *
 * @example formatTimeLeft(150, 'zh-CN') // '3分钟'
 * @example formatTimeLeft(3900, 'en') // '1 hour 5 minutes'
 */
export function formatTimeLeft(seconds: number, locale: string): string {
  const whole = Math.max(0, Math.ceil(seconds));
  if (whole < 60) return unit(locale, 'second', Math.max(1, whole));
  if (whole < 3600) return unit(locale, 'minute', Math.ceil(whole / 60));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.ceil((whole % 3600) / 60);
  if (minutes === 0) return unit(locale, 'hour', hours);
  if (minutes === 60) return unit(locale, 'hour', hours + 1);
  return new Intl.ListFormat(locale, { type: 'unit', style: 'narrow' }).format([
    unit(locale, 'hour', hours),
    unit(locale, 'minute', minutes),
  ]);
}

/** Rows per second as a short whole number (at least 1 once anything moved), for "120 rows/s". */
export const roundRate = (rowsPerSecond: number): number =>
  rowsPerSecond < 1 ? Math.round(rowsPerSecond * 10) / 10 : Math.round(rowsPerSecond);
