import { endpoint } from './endpoint.js';
import {
  CreateDictionaryEntryBody,
  DictionaryEntry,
  DictionaryEntryParams,
  DictionaryKindParams,
  DictionaryList,
  ReorderDictionaryBody,
  UpdateDictionaryEntryBody,
} from './dictionaries.js';

const tags = ['dictionaries'];

/** The organization's dictionaries (数据字典): sources, industries, customer levels. */
export const dictionariesEndpoints = {
  // The entries label records on every screen, so everyone signed in reads them.
  list: endpoint({
    method: 'GET',
    path: '/dictionaries',
    permission: 'authenticated',
    summary: "List the organization's dictionary entries (sources, industries, customer levels)",
    operationId: 'listDictionaryEntries',
    tags,
    responses: { 200: DictionaryList },
  }),
  create: endpoint({
    method: 'POST',
    path: '/dictionaries/:kind/entries',
    permission: 'dictionaries.manage',
    summary: 'Add a dictionary entry',
    operationId: 'createDictionaryEntry',
    tags,
    params: DictionaryKindParams,
    body: CreateDictionaryEntryBody,
    responses: { 201: DictionaryEntry },
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/dictionaries/:kind/entries/:code',
    permission: 'dictionaries.manage',
    summary: 'Rename, move, deactivate or reactivate a dictionary entry',
    operationId: 'updateDictionaryEntry',
    tags,
    params: DictionaryEntryParams,
    body: UpdateDictionaryEntryBody,
    responses: { 200: DictionaryEntry },
  }),
  reorder: endpoint({
    method: 'PUT',
    path: '/dictionaries/:kind/order',
    permission: 'dictionaries.manage',
    summary: "Put a dictionary's entries in a new order",
    operationId: 'reorderDictionary',
    tags,
    params: DictionaryKindParams,
    body: ReorderDictionaryBody,
    responses: { 200: DictionaryList },
  }),
} as const;
