import { v7 } from 'uuid';

/** Time-ordered primary keys (design §3). */
export const newId = (): string => v7();
