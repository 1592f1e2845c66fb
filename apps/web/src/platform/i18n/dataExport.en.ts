import type { Strings } from './catalog';
import type dataExportZhCN from './dataExport.zh-CN';

/** Exporting all of the organization's data (admin screen, en). */
const dataExportEn: Strings<typeof dataExportZhCN> = {
  dataExport: {
    menu: 'Data export',
    title: "Export all of this organization's data",
    intro:
      'Packs all of this organization’s data into one ZIP file: customers, contacts, leads, follow-ups, opportunities, orders, payments, stage changes, ownership changes, approvals, the audit log, settings, users, roles and departments (deleted records included), and every attachment. Use it to move to another server, or to take your data with you when you stop using Guanxi.',
    sensitive:
      'The file holds the personal data of every customer and employee and the hashed passwords: keep it safe and delete it when done.',
    start: "Export all of this organization's data",
    started: 'The export has started; download it below when it is done',
    importOnly:
      'This page offers no import. The server administrator imports on the target server with the command line, into an instance that does not have this organization yet:',
    importCommand: 'guanxi import --in export-file.zip',
    history: 'Exports',
    empty: 'No export yet. Use the button above to make the first one.',
    state_running: 'Exporting',
    state_succeeded: 'Done',
    state_failed: 'Failed',
    startedAt: 'Started {{time}}',
    requestedBy: 'By {{name}}',
    progress: '{{done}} of {{total}} tables, {{rows}} records so far',
    summary: '{{rows}} records · {{size}}',
    failedHint: 'The export did not finish (for example, the server restarted). Please export again.',
    download: 'Download',
    kept: 'The server keeps the files of the 5 most recent exports.',
  },
};

export default dataExportEn;
