import {
  endpoints,
  type ImportJob,
  type ImportJobListQuery,
  type ImportKindName,
  type ImportMapping,
  type SaveImportTemplateBody,
  type UpdateImportSourceBody,
} from '@guanxi/contract';
import { useQueryClient } from '@tanstack/react-query';
import { client } from '../../platform/api';
import { invalidatingMutation, useEndpointQuery, useKeysetPages } from '../../platform/endpointQueries';
import { isWorking } from './importSteps';

export type ImportFilters = Omit<ImportJobListQuery, 'limit' | 'cursor'>;

export const importKeys = {
  all: ['imports'] as const,
  list: (filters: ImportFilters) => ['imports', 'list', filters] as const,
  detail: (id: string) => ['imports', 'detail', id] as const,
  errors: (id: string, phase: 'check' | 'run') => ['imports', 'errors', id, phase] as const,
  kinds: ['imports', 'kinds'] as const,
  templates: (kind: ImportKindName) => ['import-templates', kind] as const,
};

/** How often a job the server is working on is read again. */
const POLL_MS = 1000;

/**
 * The kinds the caller may import, each with its fields (labels in the reader's language), and the
 * server's upload limit.
 */
export const useImportKinds = () =>
  useEndpointQuery(endpoints.imports.kinds, { queryKey: importKeys.kinds, staleTime: 5 * 60_000 });

export const useImportJobs = (filters: ImportFilters) =>
  useKeysetPages(endpoints.imports.list, {
    queryKey: importKeys.list(filters),
    filters,
    pageSize: 20,
  });

/** One import job, read again every second while the server checks or runs it. */
export const useImportJob = (id: string | undefined) =>
  useEndpointQuery(endpoints.imports.get, {
    queryKey: importKeys.detail(id ?? ''),
    params: { id: id ?? '' },
    enabled: id !== undefined,
    refetchInterval: (query) => (query.state.data && isWorking(query.state.data.status) ? POLL_MS : false),
  });

/** The first rejected rows of a phase (the full list is the downloadable report). */
export const useImportErrors = (id: string, phase: 'check' | 'run', limit: number, enabled = true) =>
  useEndpointQuery(endpoints.imports.errors, {
    queryKey: [...importKeys.errors(id, phase), limit],
    params: { id },
    query: { phase, limit },
    transform: (page) => page.items,
    enabled,
  });

/** The plain link that downloads a phase's per-row problem report as XLSX. */
export const errorReportUrl = (id: string, phase: 'check' | 'run') =>
  `/api/v1/imports/${encodeURIComponent(id)}/error-report?phase=${phase}`;

const useImportMutation = invalidatingMutation([importKeys.all]);

/** Uploads the file with the kind it imports; answers the detected job. */
export const useUploadImport = () =>
  useImportMutation(({ file, kind }: { file: File; kind: ImportKindName }) => {
    const form = new FormData();
    // Text fields before the file: the server reads the form as a stream, in order.
    form.append('kind', kind);
    form.append('file', file, file.name);
    return client(endpoints.imports.upload, { body: form });
  });

/**
 * A job-changing call whose answer is the job: the answer goes straight into the job's cache (so the
 * wizard moves on at once, polling from there), and the history refreshes behind it.
 */
function useJobWrite<Variables>(call: (variables: Variables) => Promise<ImportJob>) {
  const queryClient = useQueryClient();
  return useImportMutation(async (variables: Variables) => {
    const job = await call(variables);
    queryClient.setQueryData(importKeys.detail(job.id), job);
    return job;
  });
}

export const useUpdateImportSource = (id: string) =>
  useJobWrite((body: UpdateImportSourceBody) => client(endpoints.imports.updateSource, { params: { id }, body }));

export const useSaveImportMapping = (id: string) =>
  useJobWrite((body: ImportMapping) => client(endpoints.imports.saveMapping, { params: { id }, body }));

export const useApplyImportTemplate = (id: string) =>
  useJobWrite((templateId: string) =>
    client(endpoints.imports.applyTemplate, { params: { id }, body: { templateId } }),
  );

export const useCheckImport = (id: string) => useJobWrite(() => client(endpoints.imports.check, { params: { id } }));

export const useRunImport = (id: string) => useJobWrite(() => client(endpoints.imports.run, { params: { id } }));

export const useCancelImport = (id: string) => useJobWrite(() => client(endpoints.imports.cancel, { params: { id } }));

export const useDiscardImport = () =>
  useImportMutation((id: string) => client(endpoints.imports.delete, { params: { id } }));

export const useImportTemplates = (kind: ImportKindName) =>
  useEndpointQuery(endpoints.importTemplates.list, {
    queryKey: importKeys.templates(kind),
    query: { kind },
    transform: (list) => list.items,
  });

const useTemplateMutation = invalidatingMutation([['import-templates']]);

export const useSaveImportTemplate = () =>
  useTemplateMutation((body: SaveImportTemplateBody) => client(endpoints.importTemplates.create, { body }));

export const useDeleteImportTemplate = () =>
  useTemplateMutation((id: string) => client(endpoints.importTemplates.delete, { params: { id } }));
