/** Exporting all of the organization's data (admin screen, zh-CN). */
const dataExportZhCN = {
  dataExport: {
    menu: '数据导出',
    title: '导出本组织的全部数据',
    intro:
      '把本组织的全部数据打包成一个 ZIP 文件：客户、联系人、线索、跟进、商机、订单、回款、阶段变更、归属变更、审批、审计日志、设置、用户、角色和部门（含已删除的记录），以及所有附件。用于迁移到另一台服务器，或停止使用时带走数据。',
    sensitive: '文件含全部客户和员工的个人信息以及密码的加密摘要，请妥善保管，用完删除。',
    start: '导出本组织的全部数据',
    started: '已开始导出，完成后可在下方下载',
    importOnly: '本页面不提供导入。导入只能由服务器管理员在目标服务器上用命令行完成，目标实例中不能已有本组织：',
    importCommand: 'guanxi import --in 导出文件.zip',
    history: '导出记录',
    empty: '还没有导出过。点击上方按钮开始第一次导出。',
    state_running: '正在导出',
    state_succeeded: '已完成',
    state_failed: '失败',
    startedAt: '开始于 {{time}}',
    requestedBy: '操作人：{{name}}',
    progress: '已导出 {{done}}/{{total}} 张表，共 {{rows}} 条记录',
    summary: '{{rows}} 条记录 · {{size}}',
    failedHint: '导出未完成（例如服务器中途重启）。请重新导出。',
    download: '下载',
    kept: '服务器保留最近 5 次导出的文件。',
  },
};

export default dataExportZhCN;
