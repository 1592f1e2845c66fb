/** Order entry with guidance (issue 14 §7): the line table, what a line will cause, the preview (zh-CN). */
const orderEntryZhCN = {
  orderEntry: {
    product: '产品',
    unit: '单位',
    available: '可用库存',
    listPrice: '标价',
    yourFloor: '您的底价',
    sellerFloor: '负责人底价',
    quantity: '数量',
    unitPrice: '单价（元）',
    unitPriceHint: '空＝标价',
    discount: '折扣（%）',
    subtotal: '小计',
    floorBasis: '底价按客户当前阶段「{{stage}}」的价格权限计算；低于底价的行提交后需要审批。',
    belowYourFloor: '低于您的价格权限，需要审批（底价 {{floor}}）',
    belowSellerFloor: '低于客户负责人的价格权限，需要审批（底价 {{floor}}）',
    stockShort: '库存不足：可用 {{available}} {{unit}}',
    listTotal: '标价合计',
    discountTotal: '优惠',
    cost: '成本',
    margin: '毛利',
    marginPercent: '毛利率',
    needsApproval: '{{count}} 行低于价格权限：提交后将发起价格审批，审批通过后才进入财务确认。',
    needsApproval_one: '{{count}} 行低于价格权限：提交后将发起价格审批，审批通过后才进入财务确认。',
    overCredit: '超出信用额度：额度 {{limit}}，未收 {{outstanding}}，本单 {{order}}。财务确认时需要超额审批。',
    opportunity: '关联商机',
    opportunityHint: '订单确认后，进行中的商机自动标记为赢单。',
    opportunityPlaceholder: '不关联商机',
    opportunityWon: '已赢单',
  },
};

export default orderEntryZhCN;
