/** The demo warehouse's fixed data: suppliers, items, and the names and places its orders use. */
import type { CreateItemInput } from '../catalog/catalog.contract.js';

/** The demo suppliers. */
export const SUPPLIERS = [
  { code: 'SUP-DAIRY', name: '光明乳业 Bright Dairy' },
  { code: 'SUP-MED', name: '华东医疗器械 East China Medical' },
  { code: 'SUP-FRESH', name: '舟山海鲜 Zhoushan Seafood' },
  { code: 'SUP-GROCERY', name: '中粮食品 COFCO Foods' },
] as const;

/** A demo item with how long it keeps and how many arrive per receipt. */
export type DemoItem = CreateItemInput & { shelfLifeDays: number; perReceipt: number };

/** The demo items: dairy, medical, fresh fish (catch-weight) and groceries. */
export const ITEMS: DemoItem[] = [
  {
    sku: 'MILK-250',
    name: '有机纯牛奶 250ml×24 Organic milk',
    unit: '箱',
    weightKg: 6.2,
    barcode: '6901234567892',
    allocationStrategy: 'fefo',
    supplierCode: 'SUP-DAIRY',
    shelfLifeDays: 180,
    perReceipt: 120,
  },
  {
    sku: 'YOGURT-100',
    name: '原味酸奶 100g×12 Yogurt',
    unit: '箱',
    weightKg: 1.3,
    barcode: '6901234567908',
    allocationStrategy: 'fefo',
    supplierCode: 'SUP-DAIRY',
    shelfLifeDays: 21,
    perReceipt: 80,
  },
  {
    sku: 'CHEESE-200',
    name: '切达奶酪 200g Cheddar',
    unit: '盒',
    weightKg: 0.2,
    supplierCode: 'SUP-DAIRY',
    shelfLifeDays: 270,
    perReceipt: 200,
  },
  {
    sku: 'MASK-N95',
    name: '医用防护口罩 N95 (50只) Medical masks',
    unit: '盒',
    weightKg: 0.4,
    barcode: '6923456789012',
    supplierCode: 'SUP-MED',
    shelfLifeDays: 1095,
    perReceipt: 300,
  },
  {
    sku: 'SYRINGE-5',
    name: '一次性注射器 5ml (100支) Syringes',
    unit: '盒',
    weightKg: 0.9,
    supplierCode: 'SUP-MED',
    shelfLifeDays: 1095,
    perReceipt: 150,
  },
  {
    sku: 'SALMON-FRESH',
    name: '冰鲜三文鱼 Fresh salmon',
    unit: '条',
    weightKg: 4.5,
    catchWeight: true,
    allocationStrategy: 'fefo',
    supplierCode: 'SUP-FRESH',
    shelfLifeDays: 10,
    perReceipt: 40,
  },
  {
    sku: 'RICE-5KG',
    name: '东北大米 5kg Rice',
    unit: '袋',
    weightKg: 5,
    allocationStrategy: 'nearest',
    supplierCode: 'SUP-GROCERY',
    shelfLifeDays: 365,
    perReceipt: 200,
  },
  {
    sku: 'OIL-5L',
    name: '花生油 5L Peanut oil',
    unit: '桶',
    weightKg: 4.6,
    supplierCode: 'SUP-GROCERY',
    shelfLifeDays: 540,
    perReceipt: 100,
  },
];

/** Who receives a demo sales order. */
export const CONTACTS = [
  '王先生 Mr Wang',
  '李女士 Ms Li',
  '张经理 Manager Zhang',
  '陈主任 Director Chen',
] as const;
/** The stores that send requisitions. */
export const STORES = ['杭州西湖店', '杭州滨江店', '上海徐汇店', '南京新街口店'] as const;
/** The carriers orders name. */
export const CARRIERS = ['SF 顺丰', 'JD 京东物流', 'ZTO 中通'] as const;
/** Where sales orders go. */
export const DESTINATIONS = [
  { province: '浙江省', city: '杭州市', district: '西湖区', address: '文三路 90 号' },
  { province: '上海市', city: '上海市', district: '徐汇区', address: '漕溪北路 88 号' },
  { province: '江苏省', city: '南京市', district: '鼓楼区', address: '中山路 1 号' },
  { province: '广东省', city: '深圳市', district: '南山区', address: '科技园 3 栋' },
] as const;
