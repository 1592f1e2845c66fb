import type { LightMyRequestResponse } from 'fastify';

/** The fields an error answer names, sorted: `expect(errorFieldsOf(response)).toEqual(['email', 'name'])`. */
export const errorFieldsOf = (response: LightMyRequestResponse): string[] =>
  (response.json().error.fields as { field: string }[]).map((f) => f.field).sort();
