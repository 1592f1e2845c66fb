/** Exports of lists (issue 12) (zh-CN). */
const exportZhCN = {
  export: {
    button: '导出',
    running: '正在导出…',
    xlsx: 'Excel 表格（.xlsx）',
    csv: 'CSV 文件（.csv）',
    failed: '导出失败，请稍后重试',
  },
};

export default exportZhCN;
