/** The organization's dictionaries (数据字典) settings (zh-CN). */
const dictionaryZhCN = {
  dictionary: {
    menu: '数据字典',
    title: '数据字典',
    hint: '客户来源、行业和客户等级的选项由管理员维护。已有的选项不能删除，可停用：停用后已有记录仍显示它，但新建和筛选时不再提供。',
    kinds: {
      source: '客户来源',
      industry: '行业',
      tier: '客户等级',
    },
    kindHints: {
      source: '线索和客户共用这份来源列表。',
      industry: '客户的所属行业。以前手填的行业仍按原文显示。',
      tier: '客户等级（手动）。每个公海可在其设置中为各等级单独设定回收天数；未设定的等级使用公海的默认天数。',
    },
    nameZh: '中文名称',
    nameEn: '英文名称',
    otherName: '{{label}}：{{name}}',
    code: '编码（可选）',
    codeHint: '不填则按名称自动生成。保存后不能修改，导入和接口用它识别选项。',
    codeRule: '只能包含字母、数字和下划线，最多 32 个字符',
    add: '添加选项',
    edit: '编辑选项',
    inactive: '已停用',
    builtIn: '预置',
    activate: '启用',
    deactivate: '停用',
    moveUp: '上移',
    moveDown: '下移',
    deactivated: '已停用“{{name}}”，已有记录仍显示它',
    activated: '已启用“{{name}}”',
    lossReasonsTitle: '输单原因',
    lossReasonsHint: '商机的输单原因和竞争对手在单独的页面维护。',
    lossReasonsLink: '管理输单原因',
    empty: '还没有选项，点击“添加选项”开始',
  },
};

export default dictionaryZhCN;
