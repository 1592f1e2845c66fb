/** Exports of lists (issue 12) (en). */
const exportEn = {
  export: {
    button: 'Export',
    running: 'Exporting…',
    xlsx: 'Excel workbook (.xlsx)',
    csv: 'CSV file (.csv)',
    failed: 'The export failed. Please try again later.',
  },
};

export default exportEn;
