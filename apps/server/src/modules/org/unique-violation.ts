/**
 * True when a database error (possibly wrapped by drizzle) is a unique-index violation, so a
 * race that slips past the service's own check still answers 409 instead of 500.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    if ((current as { code?: unknown }).code === '23505') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
