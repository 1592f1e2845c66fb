import type {
  CreateDictionaryEntryBody,
  DictionaryEntry,
  DictionaryKind,
  DictionaryList,
  ReorderDictionaryBody,
  UpdateDictionaryEntryBody,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, invalidField, notFound, staleVersion } from '../../platform/errors/app-error.js';
import { codeFromNames } from './dictionary-codes.js';
import { dictionariesRepository, type DictionaryEntryRow } from './dictionaries.repository.js';

const toEntry = (row: DictionaryEntryRow): DictionaryEntry => ({
  kind: row.kind as DictionaryKind,
  code: row.code,
  nameZh: row.nameZh,
  nameEn: row.nameEn,
  sortOrder: row.sortOrder,
  active: row.active,
  builtIn: row.builtIn,
  version: row.version,
});
const audited = ({ kind, code, nameZh, nameEn, sortOrder, active }: DictionaryEntryRow) => ({
  kind,
  code,
  nameZh,
  nameEn,
  sortOrder,
  active,
});
/** The audit log names an entry by kind and code (`source:douyin`): entries have no other id. */
const entityIdOf = (kind: DictionaryKind, code: string) => `${kind}:${code}`;
const codeTaken = () =>
  new AppError('conflict', 'error.dictionaryCodeTaken', { fields: [{ field: 'code', key: 'validation.invalid' }] });
const trimmed = (field: string, text: string) => {
  const value = text.trim();
  if (!value) throw invalidField(field, 'validation.required');
  return value;
};

/**
 * The organization's dictionaries (数据字典): read by everyone signed in, kept by holders of
 * `dictionaries.manage`. Entries are never deleted — records, reports and files keep showing the
 * name of an entry they carry — so retiring one is deactivating it (it is then offered no more).
 */
export function createDictionariesService({ db }: { db: Db }) {
  const readOne = async (orgId: string, kind: DictionaryKind, code: string): Promise<DictionaryEntry> => {
    const row = await dictionariesRepository.lock(db, { orgId, kind, code });
    if (!row) throw notFound('entity.dictionaryEntry');
    return toEntry(row);
  };

  return {
    async list(actor: Actor): Promise<DictionaryList> {
      return { items: (await dictionariesRepository.findAll(db, actor.orgId)).map(toEntry) };
    },

    async create(
      actor: Actor,
      { kind, body }: { kind: DictionaryKind; body: CreateDictionaryEntryBody },
    ): Promise<DictionaryEntry> {
      const nameZh = trimmed('nameZh', body.nameZh);
      const nameEn = trimmed('nameEn', body.nameEn);
      const code = await db.transaction(async (tx) => {
        const existing = await dictionariesRepository.lockKind(tx, actor.orgId, kind);
        const taken = new Set(existing.map((row) => row.code));
        const code = body.code ?? codeFromNames({ nameZh, nameEn }, taken);
        if (taken.has(code)) throw codeTaken();
        const sortOrder = body.sortOrder ?? Math.max(0, ...existing.map((row) => row.sortOrder)) + 10;
        const values = { orgId: actor.orgId, kind, code, nameZh, nameEn, sortOrder, active: true, builtIn: false };
        if (!(await dictionariesRepository.insert(tx, values))) throw codeTaken();
        await recordAudit(tx, actor, {
          action: 'create',
          entity: 'dictionary_entry',
          entityId: entityIdOf(kind, code),
          after: { kind, code, nameZh, nameEn, sortOrder, active: true },
        });
        return code;
      });
      return readOne(actor.orgId, kind, code);
    },

    async update(
      actor: Actor,
      { kind, code, body }: { kind: DictionaryKind; code: string; body: UpdateDictionaryEntryBody },
    ): Promise<DictionaryEntry> {
      const { version, ...changes } = body;
      const values = {
        ...changes,
        ...(changes.nameZh === undefined ? {} : { nameZh: trimmed('nameZh', changes.nameZh) }),
        ...(changes.nameEn === undefined ? {} : { nameEn: trimmed('nameEn', changes.nameEn) }),
      };
      await db.transaction(async (tx) => {
        const key = { orgId: actor.orgId, kind, code };
        const before = await dictionariesRepository.lock(tx, key);
        if (!before) throw notFound('entity.dictionaryEntry');
        if (before.version !== version) throw staleVersion();
        if (!(await dictionariesRepository.update(tx, { ...key, version }, values))) throw staleVersion();
        const after = (await dictionariesRepository.lock(tx, key))!;
        const action = before.active === after.active ? 'update' : after.active ? 'restore' : 'archive';
        await recordAudit(tx, actor, {
          action,
          entity: 'dictionary_entry',
          entityId: entityIdOf(kind, code),
          before: audited(before),
          after: audited(after),
        });
      });
      return readOne(actor.orgId, kind, code);
    },

    /** Puts every entry of a kind in the given order (positions 10, 20, …), audited per moved entry. */
    async reorder(
      actor: Actor,
      { kind, body }: { kind: DictionaryKind; body: ReorderDictionaryBody },
    ): Promise<DictionaryList> {
      await db.transaction(async (tx) => {
        const rows = await dictionariesRepository.lockKind(tx, actor.orgId, kind);
        const known = new Set(rows.map((row) => row.code));
        if (body.codes.length !== rows.length || !body.codes.every((code) => known.has(code)))
          throw new AppError('validation', 'error.dictionaryOrderIncomplete', {
            fields: [{ field: 'codes', key: 'validation.invalid' }],
          });
        const byCode = new Map(rows.map((row) => [row.code, row]));
        for (const [index, code] of body.codes.entries()) {
          const before = byCode.get(code)!;
          const sortOrder = (index + 1) * 10;
          if (before.sortOrder === sortOrder) continue;
          await dictionariesRepository.setSortOrder(tx, { orgId: actor.orgId, kind, code, sortOrder });
          await recordAudit(tx, actor, {
            action: 'update',
            entity: 'dictionary_entry',
            entityId: entityIdOf(kind, code),
            before: audited(before),
            after: audited({ ...before, sortOrder }),
          });
        }
      });
      return { items: (await dictionariesRepository.findAll(db, actor.orgId, kind)).map(toEntry) };
    },
  };
}
