/** The app's frame: menu groups, phone header buttons, breadcrumbs (zh-CN). */
const navZhCN = {
  nav: {
    workspace: '工作台',
    customers: '客户',
    sales: '销售',
    orders: '订单与财务',
    stock: '库存',
    service: '服务',
    reports: '报表',
    openMenu: '打开菜单',
    openSearch: '搜索',
    detail: '详情',
    create: '新建',
    edit: '编辑',
    print: '打印',
    filter: '筛选',
    filterTitle: '筛选客户',
  },
};

export default navZhCN;
