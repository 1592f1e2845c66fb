import type { Strings } from './catalog';
import type orderEntryZhCN from './orderEntry.zh-CN';

/** Order entry with guidance (issue 14 §7): the line table, what a line will cause, the preview (en). */
const orderEntryEn: Strings<typeof orderEntryZhCN> = {
  orderEntry: {
    product: 'Product',
    unit: 'Unit',
    available: 'Available',
    listPrice: 'List price',
    yourFloor: 'Your floor',
    sellerFloor: "Owner's floor",
    quantity: 'Quantity',
    unitPrice: 'Unit price (yuan)',
    unitPriceHint: 'Empty: list',
    discount: 'Discount (%)',
    subtotal: 'Subtotal',
    floorBasis:
      "Floors follow the price authority for the customer's current stage “{{stage}}”; lines below them need approval once submitted.",
    belowYourFloor: 'Below your price authority — needs approval (floor {{floor}})',
    belowSellerFloor: "Below the customer owner's price authority — needs approval (floor {{floor}})",
    stockShort: 'Not enough stock: {{available}} {{unit}} available',
    listTotal: 'At list prices',
    discountTotal: 'Discount',
    cost: 'Cost',
    margin: 'Margin',
    marginPercent: 'Margin %',
    needsApproval:
      '{{count}} lines below the price authority: submitting starts a price approval; finance confirms only after it is approved.',
    needsApproval_one:
      '1 line below the price authority: submitting starts a price approval; finance confirms only after it is approved.',
    overCredit:
      'Over the credit limit: limit {{limit}}, outstanding {{outstanding}}, this order {{order}}. Confirming will need a credit override.',
    opportunity: 'Opportunity',
    opportunityHint: 'When the order is confirmed, an open opportunity is marked won.',
    opportunityPlaceholder: 'No opportunity',
    opportunityWon: 'won',
  },
  orderPrint: {
    orderTitle: 'Sales order',
    quoteTitle: 'Quotation',
    orderNo: 'Order no.',
    quoteNo: 'Quotation no.',
    customer: 'Customer',
    orderDate: 'Order date',
    quoteDate: 'Date',
    validUntil: 'Valid until',
    salesperson: 'Salesperson',
    opportunity: 'Opportunity',
    lineNo: 'No.',
    code: 'Code',
    product: 'Product',
    unit: 'Unit',
    quantity: 'Qty',
    unitPrice: 'Unit price',
    discount: 'Discount',
    amount: 'Amount',
    total: 'Total',
    inWords: 'in words',
    notes: 'Notes',
    quoteTerms:
      'This quotation is valid for {{days}} days from its date; taxes, delivery time and payment terms as agreed in the contract.',
    sellerSign: 'Seller (signature and seal)',
    buyerSign: 'Buyer (signature and seal)',
    back: 'Back to the order',
    print: 'Print / save as PDF',
    pdfHint: 'Choose “Save as PDF” in the print dialog to get a PDF file.',
    printOrder: 'Print order',
    printQuote: 'Print quotation',
  },
};

export default orderEntryEn;
