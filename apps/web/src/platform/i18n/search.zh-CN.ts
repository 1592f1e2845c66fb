/** Header quick search (zh-CN). */
const searchZhCN = {
  quickSearch: {
    placeholder: '搜索客户、联系人、线索（名称、拼音首字母、电话尾号）',
    customers: '客户',
    contacts: '联系人',
    leads: '线索',
    noResults: '没有找到匹配的记录',
    owner: '负责人：{{owner}}',
    inPool: '公海',
    contactOf: '{{customer}} 的联系人',
  },
};

export default searchZhCN;
