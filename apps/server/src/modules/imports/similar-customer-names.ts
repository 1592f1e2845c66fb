import { findSimilarCustomersOfNames, SimilarNameIndex } from '../duplicates/index.js';
import type { ImportBatchContext, ImportRowIssue } from './import-kind.js';

/** The file's names created so far in a phase, kept with the phase's file memory. */
interface FileNames {
  index: SimilarNameIndex;
  names: Map<string, string>;
}
const fileNamesByMemory = new WeakMap<Map<string, string>, FileNames>();

function fileNamesOf(memory: Map<string, string>): FileNames {
  let state = fileNamesByMemory.get(memory);
  if (!state) {
    state = { index: new SimilarNameIndex(), names: new Map() };
    fileNamesByMemory.set(memory, state);
  }
  return state;
}

/** Where `KeyIndex.remember` notes the row a record came from (rolled back with a failed batch). */
const rowKey = (id: string) => `customer:row:${id}`;

/**
 * Similar names (domain §4) for a batch of customer rows, as a warning the way entry by hand warns:
 * the row is still created. Stored customers are looked up once for the whole batch; rows earlier
 * in the file are compared in memory. A stored customer outside the importer's scope is reported
 * without its name.
 */
export async function similarCustomerNames(context: ImportBatchContext, names: readonly (string | null)[]) {
  const { percent, matches } = await findSimilarCustomersOfNames(context.tx, context.actor, names);
  const file = fileNamesOf(context.fileMemory);
  const memory = context.fileMemory;
  const inFile = (id: string, name: string): ImportRowIssue => ({
    field: 'name',
    code: 'imports.customers.warning.similarInFile',
    params: { row: memory.get(rowKey(id)) ?? '', value: name },
  });
  return {
    /** The warning for the batch's row at `index`, about to be created with `name`. */
    warningFor(index: number, name: string): ImportRowIssue | null {
      const earlier = file.index.findSimilar(name, percent, (id) => memory.has(rowKey(id)));
      if (earlier) return inFile(earlier.id, file.names.get(earlier.id) ?? '');
      const stored = matches[index];
      if (!stored) return null;
      // Created by an earlier batch of this run, or updated by an earlier row: name the row.
      if (memory.has(rowKey(stored.id)) && stored.name !== null) return inFile(stored.id, stored.name);
      return stored.name === null
        ? { field: 'name', code: 'imports.customers.warning.similarHidden' }
        : { field: 'name', code: 'imports.customers.warning.similarName', params: { value: stored.name } };
    },
    /** A row created under `id`: later rows of the file are compared with it. */
    remember(id: string, name: string): void {
      file.index.add(id, name);
      file.names.set(id, name);
    },
  };
}
