/** Exports of lists (issue 12) (zh-CN). */
const exportZhCN = {
  export: {
    button: '导出',
    running: '正在导出…',
    xlsx: 'Excel 表格（.xlsx）',
    csv: 'CSV 文件（.csv）',
    failed: '导出失败，请稍后重试',
    queued: '该列表共 {{rows}} 行，正在后台导出，完成后可在“我的导出”中下载。',
    myExports: '我的导出',
    noJobs: '近期没有后台导出',
    download: '下载',
    rows: '已导出 {{done}} / {{total}} 行',
    expiresAt: '可下载至 {{time}}',
    requestedAt: '发起于 {{time}}',
    failedHint: '导出失败，请重新导出该列表。',
    state_queued: '排队中',
    state_running: '导出中',
    state_completed: '可下载',
    state_failed: '失败',
  },
};

export default exportZhCN;
