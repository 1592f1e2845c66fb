/** Exports of lists (issue 12) (en). */
const exportEn = {
  export: {
    button: 'Export',
    running: 'Exporting…',
    xlsx: 'Excel workbook (.xlsx)',
    csv: 'CSV file (.csv)',
    failed: 'The export failed. Please try again later.',
    queued:
      'The list has {{rows}} rows: it is being exported in the background. You can download it from "My exports" when it is ready.',
    myExports: 'My exports',
    noJobs: 'No background exports in the last days',
    download: 'Download',
    rows: '{{done}} of {{total}} rows',
    expiresAt: 'available until {{time}}',
    requestedAt: 'requested {{time}}',
    failedHint: 'The export failed. Please export the list again.',
    state_queued: 'Waiting',
    state_running: 'Exporting',
    state_completed: 'Ready',
    state_failed: 'Failed',
  },
};

export default exportEn;
