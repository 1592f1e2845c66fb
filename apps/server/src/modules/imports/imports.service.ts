import { rm } from 'node:fs/promises';
import path from 'node:path';
import {
  IMPORT_KINDS,
  type ImportErrorPage,
  type ImportErrorQuery,
  type ImportJob,
  type ImportJobListQuery,
  type ImportJobPage,
  type ImportKindList,
  type ImportKindName,
  type ImportMapping,
  type UpdateImportSourceBody,
} from '@guanxi/contract';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import { newId } from '../../platform/db/ids.js';
import { AppError, forbidden, invalidField, notFound } from '../../platform/errors/app-error.js';
import { decodeCursor, encodeCursor } from '../../platform/pagination.js';
import type { StagedUpload } from '../../platform/uploads/index.js';
import { detectSource, scanFile } from './file-reading.js';
import type { ImportKind } from './import-kind.js';
import { findImportKind, importKinds } from './import-kinds.js';
import { toImportJob, type ImportJobState } from './import-job-view.js';
import { fieldLabelOf, isWarningCode, issueMessage, safeTranslate } from './import-summary.js';
import { importsRepository, type ImportJobRow } from './imports.repository.js';
import { applyTemplateColumns, suggestMapping } from './mapping-suggestion.js';
import { assertValidMapping } from './mapping-validation.js';
import { withDictionaryOptions } from './import-dictionaries.js';

/** Statuses in which the user may still change the file's reading or the mapping and start a phase. */
const EDITABLE = ['uploaded', 'checked'];

export interface ImportsServiceOptions {
  db: Db;
  dataDir: string;
  /** The upload limit (config.uploadMaxBytes), told to the wizard for its hint. */
  maxUploadBytes: number;
  /** Tells the worker a job is waiting (the server's worker loop; nothing in tests). */
  onQueued?: () => void;
}

export function createImportsService({ db, dataDir, maxUploadBytes, onQueued }: ImportsServiceOptions) {
  const kindFor = (actor: Actor, name: string): ImportKind => {
    const kind = (IMPORT_KINDS as readonly string[]).includes(name)
      ? findImportKind(name as ImportKindName)
      : undefined;
    if (!kind) throw invalidField('kind', 'validation.oneOf');
    if (!actor.permissions.has(kind.permission)) throw forbidden();
    return kind;
  };

  /** The creator's job, or any job of a kind the caller imports when their scope is the whole organization. */
  async function jobFor(actor: Actor, id: string): Promise<{ row: ImportJobRow; kind: ImportKind }> {
    const row = await importsRepository.getJob(db, actor.orgId, id);
    const kind = row ? findImportKind(row.kind as ImportKindName) : undefined;
    const visible =
      row &&
      kind &&
      actor.permissions.has(kind.permission) &&
      (row.createdBy === actor.userId || actor.dataScope === 'all');
    if (!visible) throw notFound('entity.importJob');
    return { row, kind: await withDictionaryOptions(db, actor.orgId, kind) };
  }

  const view = async (actor: Actor, id: string): Promise<ImportJob> => {
    const { row, kind } = await jobFor(actor, id);
    return toImportJob(row, kind, actor.locale);
  };

  const wrongStatus = (actor: Actor, status: string) =>
    new AppError('conflict', 'imports.error.wrongStatus', {
      params: { status: safeTranslate(actor.locale, `imports.status.${status}`, {}) },
    });

  /** Reads the file with a source and stores what the mapping screen needs. */
  async function describeFile(filePath: string, source: ImportJobRow['source'] & object) {
    const scanned = await scanFile(filePath, source as Parameters<typeof scanFile>[1]);
    const column = (index: number, header: string) => ({
      index,
      header,
      samples: scanned.samples[index] ?? [],
      values: scanned.values[index] ?? [],
    });
    const columns = scanned.headers.map((header, index) => column(index, header));
    for (let index = columns.length; index < scanned.samples.length; index++) columns.push(column(index, ''));
    return { columns, headers: columns.map((column) => column.header), rowCount: scanned.rowCount };
  }

  return {
    async kinds(actor: Actor): Promise<ImportKindList> {
      return {
        items: (
          await Promise.all(
            importKinds
              .filter((kind) => actor.permissions.has(kind.permission))
              .map((kind) => withDictionaryOptions(db, actor.orgId, kind)),
          )
        ).map((kind) => ({
          kind: kind.name,
          label: safeTranslate(actor.locale, kind.labelKey, {}),
          fields: kind.fields.map((field) => ({
            key: field.key,
            label: fieldLabelOf(kind, field.key, actor.locale),
            type: field.type,
            required: field.required ?? false,
            hint: field.hintKey ? safeTranslate(actor.locale, field.hintKey, {}) : null,
            options: (field.options ?? []).map((option) => ({
              value: option.value,
              label: option.names
                ? option.names[actor.locale === 'en' ? 'en' : 'zh']
                : safeTranslate(actor.locale, option.labelKey, {}),
            })),
          })),
        })),
        maxUploadBytes,
      };
    },

    async upload(actor: Actor, file: StagedUpload): Promise<ImportJob> {
      const kind = kindFor(actor, file.fields.kind ?? '');
      const id = newId();
      const relativePath = path.join('imports', actor.orgId, id);
      const target = path.join(dataDir, relativePath);
      await file.moveTo(target);
      try {
        const { source, sheets } = await detectSource(target, file.fileName);
        const described = await describeFile(target, source);
        const state: ImportJobState = { suggestedMapping: suggestMapping(kind, described.headers, actor.userId) };
        await importsRepository.insertJob(db, {
          orgId: actor.orgId,
          id,
          kind: kind.name,
          status: 'uploaded',
          fileName: file.fileName.slice(0, 255),
          fileSize: file.sizeBytes,
          filePath: relativePath,
          source,
          sheets,
          columns: described.columns,
          rowCount: described.rowCount,
          state,
          createdBy: actor.userId,
        });
      } catch (error) {
        await rm(target, { force: true });
        throw error;
      }
      return view(actor, id);
    },

    async list(actor: Actor, query: ImportJobListQuery): Promise<ImportJobPage> {
      const limit = query.limit ?? 50;
      const cursor = decodeCursor(query.cursor, 'text');
      const kinds = importKinds
        .filter((kind) => actor.permissions.has(kind.permission) && (!query.kind || kind.name === query.kind))
        .map((kind) => kind.name);
      const rows = await importsRepository.findJobs(db, {
        orgId: actor.orgId,
        createdBy: actor.dataScope === 'all' ? null : actor.userId,
        kinds,
        beforeId: cursor?.id ?? null,
        limit,
      });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map((row) => toImportJob(row, findImportKind(row.kind as ImportKindName)!, actor.locale)),
        nextCursor: rows.length > limit && last ? encodeCursor({ value: last.id, id: last.id }) : null,
      };
    },

    get: view,

    async updateSource(actor: Actor, id: string, body: UpdateImportSourceBody): Promise<ImportJob> {
      const { row } = await jobFor(actor, id);
      if (!EDITABLE.includes(row.status)) throw wrongStatus(actor, row.status);
      const current = row.source as ImportJob['source'];
      if (body.sheet !== undefined && !row.sheets.includes(body.sheet))
        throw invalidField('sheet', 'imports.error.unknownSheet');
      const source = {
        ...current,
        ...(current.format === 'csv' && body.encoding ? { encoding: body.encoding } : {}),
        ...(current.format === 'csv' && body.delimiter ? { delimiter: body.delimiter } : {}),
        ...(body.headerRow ? { headerRow: body.headerRow } : {}),
        ...(current.format === 'xlsx' && body.sheet ? { sheet: body.sheet } : {}),
      };
      const described = await describeFile(path.join(dataDir, row.filePath), source);
      const kind = findImportKind(row.kind as ImportKindName)!;
      const state: ImportJobState = { suggestedMapping: suggestMapping(kind, described.headers, actor.userId) };
      await importsRepository.updateJob(db, actor.orgId, id, {
        source,
        columns: described.columns,
        rowCount: described.rowCount,
        state,
        mapping: null,
        status: 'uploaded',
        checkSummary: null,
      });
      return view(actor, id);
    },

    async saveMapping(actor: Actor, id: string, mapping: ImportMapping): Promise<ImportJob> {
      const { row, kind } = await jobFor(actor, id);
      if (!EDITABLE.includes(row.status)) throw wrongStatus(actor, row.status);
      await assertValidMapping(db, actor, kind, mapping, (row.columns as unknown[]).length);
      await importsRepository.updateJob(db, actor.orgId, id, { mapping, status: 'uploaded', checkSummary: null });
      return view(actor, id);
    },

    async applyTemplate(actor: Actor, id: string, body: { templateId: string }): Promise<ImportJob> {
      const { row, kind } = await jobFor(actor, id);
      if (!EDITABLE.includes(row.status)) throw wrongStatus(actor, row.status);
      const template = await importsRepository.getTemplate(db, actor.orgId, body.templateId);
      if (!template || template.kind !== kind.name) throw notFound('entity.importTemplate');
      const headers = (row.columns as { header: string }[]).map((column) => column.header);
      const mapping = applyTemplateColumns(
        { headers: template.headers, mapping: template.mapping as ImportMapping },
        headers,
      );
      await importsRepository.updateJob(db, actor.orgId, id, { mapping, status: 'uploaded', checkSummary: null });
      return view(actor, id);
    },

    async check(actor: Actor, id: string): Promise<ImportJob> {
      return startPhase(actor, id, 'check');
    },

    async run(actor: Actor, id: string): Promise<ImportJob> {
      return startPhase(actor, id, 'run');
    },

    async cancel(actor: Actor, id: string): Promise<ImportJob> {
      await jobFor(actor, id);
      await db.transaction(async (tx) => {
        const job = await importsRepository.lockJob(tx, actor.orgId, id);
        if (!job) return;
        const held = job.lockedUntil !== null && job.lockedUntil.getTime() > Date.now();
        if (job.status === 'checking' && !held)
          await importsRepository.updateJob(tx, actor.orgId, id, { status: 'uploaded' });
        else if ((job.status === 'queued' || job.status === 'running') && !held)
          await importsRepository.updateJob(tx, actor.orgId, id, { status: 'cancelled', finishedAt: new Date() });
        else if (['checking', 'queued', 'running'].includes(job.status))
          await importsRepository.updateJob(tx, actor.orgId, id, { cancelRequested: true });
        else if (EDITABLE.includes(job.status))
          await importsRepository.updateJob(tx, actor.orgId, id, { status: 'cancelled', finishedAt: new Date() });
        else throw wrongStatus(actor, job.status);
      });
      return view(actor, id);
    },

    async delete(actor: Actor, id: string): Promise<void> {
      const { row } = await jobFor(actor, id);
      if (['checking', 'queued', 'running'].includes(row.status)) throw wrongStatus(actor, row.status);
      await importsRepository.deleteJob(db, actor.orgId, id);
      await rm(path.join(dataDir, row.filePath), { force: true });
    },

    async errors(actor: Actor, id: string, query: ImportErrorQuery): Promise<ImportErrorPage> {
      const { row, kind } = await jobFor(actor, id);
      const phase = query.phase ?? (row.runSummary ? 'run' : 'check');
      const limit = query.limit ?? 50;
      const cursor = decodeCursor(query.cursor, 'integer');
      const rows = await importsRepository.findErrors(db, {
        orgId: actor.orgId,
        importId: id,
        phase,
        after: cursor ? { row: Number(cursor.value), id: cursor.id } : null,
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map((error) => ({
          rowNumber: error.rowNumber,
          severity: isWarningCode(error.code) ? ('warning' as const) : ('error' as const),
          field: error.field,
          code: error.code,
          message: issueMessage(
            kind,
            { ...error, params: error.params as Record<string, string | number> },
            actor.locale,
          ),
          values: error.values,
        })),
        nextCursor: rows.length > limit && last ? encodeCursor({ value: last.rowNumber, id: last.id }) : null,
      };
    },

    /** The job and kind for the error report (the route streams it). */
    jobForReport: jobFor,
  };

  async function startPhase(actor: Actor, id: string, phase: 'check' | 'run'): Promise<ImportJob> {
    const { row, kind } = await jobFor(actor, id);
    if (!EDITABLE.includes(row.status)) throw wrongStatus(actor, row.status);
    const mapping = row.mapping as ImportMapping | null;
    if (!mapping) throw new AppError('business_rule', 'imports.error.notMapped');
    // The mapping is checked again: users and permissions may have changed since it was saved.
    await assertValidMapping(db, actor, kind, mapping, (row.columns as unknown[]).length);
    if (row.rowCount === 0) throw new AppError('business_rule', 'imports.error.emptyFile');
    await db.transaction(async (tx) => {
      await importsRepository.deleteErrors(tx, actor.orgId, id, phase);
      await importsRepository.updateJob(tx, actor.orgId, id, {
        status: phase === 'check' ? 'checking' : 'queued',
        phase,
        rowsDone: 0,
        phaseStartRows: 0,
        phaseStartedAt: null,
        ...(phase === 'check' ? { checkSummary: null } : { runSummary: null }),
        cancelRequested: false,
        lockedUntil: null,
        attempts: 0,
        failureCode: null,
        failureDetail: null,
      });
    });
    onQueued?.();
    return view(actor, id);
  }
}

export type ImportsService = ReturnType<typeof createImportsService>;
