/**
 * The printed words of the documents in zh-CN and English, and how values are written on them; data
 * (names, addresses) is printed as stored.
 */
import type { DocumentLang } from './document.contract.js';

const zh = {
  pickList: '拣货单',
  packingSlip: '装箱单',
  shippingLabel: '面单',
  orderRef: '订单号',
  warehouse: '仓库',
  priority: '优先级',
  type: '类型',
  pushedAt: '下单时间',
  carrier: '承运商',
  customer: '收货方',
  destination: '收货地址',
  store: '门店',
  contact: '联系人',
  phone: '电话',
  note: '备注',
  weight: '重量',
  location: '货位',
  sku: 'SKU',
  item: '商品',
  lot: '批次',
  expiry: '有效期',
  quantity: '数量',
  unit: '单位',
  ordered: '订购',
  allocated: '已分配',
  picked: '已拣',
  nothingAllocated: '尚未分配库存：没有可拣货的预留。',
  urgent: '加急',
  page: '页',
  total: '合计',
  signature: '签收',
  priorities: { urgent: '加急', high: '高', normal: '普通', low: '低' },
  types: {
    sales: '销售出库',
    return_to_supplier: '退供应商',
    requisition: '领用',
    scrap: '报废',
    transfer: '调拨',
  } as Record<string, string>,
};

/** The words of one document language. */
export type DocumentLabels = typeof zh;

const en: DocumentLabels = {
  pickList: 'Pick list',
  packingSlip: 'Packing slip',
  shippingLabel: 'Shipping label',
  orderRef: 'Order',
  warehouse: 'Warehouse',
  priority: 'Priority',
  type: 'Type',
  pushedAt: 'Pushed',
  carrier: 'Carrier',
  customer: 'Recipient',
  destination: 'Ship to',
  store: 'Store',
  contact: 'Contact',
  phone: 'Phone',
  note: 'Note',
  weight: 'Weight',
  location: 'Location',
  sku: 'SKU',
  item: 'Item',
  lot: 'Lot',
  expiry: 'Expiry',
  quantity: 'Qty',
  unit: 'Unit',
  ordered: 'Ordered',
  allocated: 'Allocated',
  picked: 'picked',
  nothingAllocated: 'Nothing allocated yet: there are no reservations to pick.',
  urgent: 'URGENT',
  page: 'Page',
  total: 'Total',
  signature: 'Received by',
  priorities: { urgent: 'Urgent', high: 'High', normal: 'Normal', low: 'Low' },
  types: {
    sales: 'Sales',
    return_to_supplier: 'Return to supplier',
    requisition: 'Requisition',
    scrap: 'Scrap',
    transfer: 'Transfer',
  },
};

/** The labels of `lang`. */
export function documentLabels(lang: DocumentLang): DocumentLabels {
  return lang === 'en' ? en : zh;
}

/** `浙江省 杭州市 西湖区 文三路 1 号`: the destination's address parts in order, skipping empty ones. */
export function formatAddress(destination: Partial<Record<string, string>>): string {
  return ['province', 'city', 'district', 'address']
    .map((key) => destination[key])
    .filter((part): part is string => Boolean(part))
    .join(' ');
}

/** The QR payload of every document of an order: `{"id":…,"ref":…}`. */
export function orderQrText(order: { orderId: string; externalRef: string }): string {
  return JSON.stringify({ id: order.orderId, ref: order.externalRef });
}

/** `12.5` or `3`: kilograms with at most three decimals. */
export function formatKg(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}
