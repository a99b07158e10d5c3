/**
 * Generated data for the warehouse bench: the CSV files of a layout, a catalog and its stock, and the
 * orders of the pool. Everything is drawn from a seeded generator, so every run gets the same data
 * (dates are relative to the day the bench runs, so value-tier age limits always bite the same way).
 */
import type { CreateOutboundOrderRequest, Priority } from '../src/modules/warehouse/orders/order.contract.js';
import { DAY_MS } from '../src/platform/clock.js';

export { seededRandom } from '../src/platform/random.js';

/** The bench warehouse's pick layout: aisles × slots per aisle, each slot with `levels` levels. */
export type LayoutSize = { aisles: number; slots: number; levels: number };

/** The location code of aisle/slot/level in zone A, e.g. `A-03-12-2`. */
export function locationCode(aisle: number, slot: number, level: number): string {
  return `A-${String(aisle).padStart(2, '0')}-${String(slot).padStart(2, '0')}-${level}`;
}

/** Every storage location code of the layout, in path order (aisle, slot, level). */
export function locationCodes(size: LayoutSize): string[] {
  const codes: string[] = [];
  for (let aisle = 1; aisle <= size.aisles; aisle++)
    for (let slot = 1; slot <= size.slots; slot++)
      for (let level = 1; level <= size.levels; level++) codes.push(locationCode(aisle, slot, level));
  return codes;
}

/** The locations import: one storage row per code, with its coordinates spelled out. */
export function locationsCsv(size: LayoutSize): Buffer {
  const rows = ['code,zone,aisle,slot,level,kind'];
  for (let aisle = 1; aisle <= size.aisles; aisle++)
    for (let slot = 1; slot <= size.slots; slot++)
      for (let level = 1; level <= size.levels; level++)
        rows.push(`${locationCode(aisle, slot, level)},A,${aisle},${slot},${level},storage`);
  return Buffer.from(`${rows.join('\n')}\n`, 'utf8');
}

/** The SKU of item `n` (1-based). */
export function skuOf(n: number): string {
  return `SKU-${String(n).padStart(5, '0')}`;
}

/**
 * The items import (Chinese headers, as a customer's file would have them): 60% leave the strategy
 * to the warehouse (FIFO), 25% FEFO, 15% nearest-first.
 */
export function itemsCsv(count: number): Buffer {
  const rows = ['商品编码,商品名称,单位,重量,条码,策略'];
  for (let n = 1; n <= count; n++) {
    const strategy = n % 20 < 12 ? '' : n % 20 < 17 ? 'fefo' : 'nearest';
    const barcode = `69${String(100_000_000 + n).padStart(11, '0')}`;
    rows.push(
      `${skuOf(n)},测试商品 ${n} 号（bench）,件,${(0.2 + (n % 40) / 10).toFixed(1)},${barcode},${strategy}`,
    );
  }
  return Buffer.from(`${rows.join('\n')}\n`, 'utf8');
}

/** How old each of an item's lots is, in days: ~3 weeks (any tier), ~3.5 months (not svip), ~6.5 months (standard only). */
const LOT_AGES_DAYS = [20, 105, 200] as const;

/**
 * The stock import: every item in `locationsPerItem` distinct random locations, the locations taking
 * the item's `LOT_AGES_DAYS.length` lots in turn; 20 to 60 units per row, put away two days after the
 * lot was produced, expiring a year after production. Answers the file and its row and unit counts.
 */
export function stockCsv(
  codes: readonly string[],
  itemCount: number,
  locationsPerItem: number,
  today: Date,
  rnd: () => number,
): { bytes: Buffer; rows: number; units: number } {
  const lines = ['location,sku,lot,productionDate,expiryDate,quantity,putawayAt'];
  let units = 0;
  for (let n = 1; n <= itemCount; n++) {
    const taken = new Set<string>();
    while (taken.size < Math.min(locationsPerItem, codes.length))
      taken.add(codes[Math.floor(rnd() * codes.length)]!);
    [...taken].forEach((code, index) => {
      const lotIndex = index % LOT_AGES_DAYS.length;
      const produced = new Date(today.getTime() - (LOT_AGES_DAYS[lotIndex]! + (n % 7)) * DAY_MS);
      const expires = new Date(produced.getTime() + 365 * DAY_MS);
      const putaway = new Date(produced.getTime() + 2 * DAY_MS + index * 3_600_000);
      const quantity = 20 + Math.floor(rnd() * 41);
      units += quantity;
      lines.push(
        [
          code,
          skuOf(n),
          `L${isoDay(produced).replaceAll('-', '')}-${n}`,
          isoDay(produced),
          isoDay(expires),
          quantity,
          putaway.toISOString(),
        ].join(','),
      );
    });
  }
  return { bytes: Buffer.from(`${lines.join('\n')}\n`, 'utf8'), rows: itemCount * locationsPerItem, units };
}

/** The stock rows of the scarce SKU: three fresh lots in three locations, `units` in all. */
export function hotStockCsv(sku: string, codes: readonly string[], units: number, today: Date): Buffer {
  const lines = ['location,sku,lot,productionDate,expiryDate,quantity,putawayAt'];
  const shares = [0.4, 0.35];
  const quantities = [...shares.map((s) => Math.floor(units * s))];
  quantities.push(units - quantities.reduce((a, b) => a + b, 0));
  quantities.forEach((quantity, index) => {
    const produced = new Date(today.getTime() - (5 + index) * DAY_MS);
    lines.push(
      [
        codes[index]!,
        sku,
        `HOT-${index + 1}`,
        isoDay(produced),
        isoDay(new Date(produced.getTime() + 90 * DAY_MS)),
        quantity,
        new Date(produced.getTime() + DAY_MS).toISOString(),
      ].join(','),
    );
  });
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

/** A generated sales order and how many lines it has. */
export type OrderSpec = { request: CreateOutboundOrderRequest; lines: number };

const PROVINCES = [
  ['浙江省', '杭州市'],
  ['江苏省', '南京市'],
  ['上海市', '上海市'],
  ['广东省', '深圳市'],
  ['北京市', '北京市'],
  ['四川省', '成都市'],
] as const;
const CARRIERS = ['SF', 'ZTO', 'YTO', 'JD'] as const;

/**
 * `count` sales orders of 1–4 lines (distinct SKUs, popular items drawn more often), 1–6 units a
 * line, for customers drawn from `customerIds`, pushed over the last two hours; 5% urgent, 15% high,
 * 70% normal, 10% low. `prefix` makes the external references unique per batch.
 */
export function makeOrders(
  count: number,
  options: {
    prefix: string;
    warehouse: string;
    itemCount: number;
    customerIds: readonly string[];
    today: Date;
    rnd: () => number;
  },
): OrderSpec[] {
  const { rnd } = options;
  const orders: OrderSpec[] = [];
  for (let n = 1; n <= count; n++) {
    const lineCount = 1 + Math.floor(rnd() * 4);
    const skus = new Set<string>();
    // rnd()^1.6 favours the low item numbers: the top sellers run short first, as in a real pool.
    while (skus.size < lineCount) skus.add(skuOf(1 + Math.floor(rnd() ** 1.6 * options.itemCount)));
    const [province, city] = PROVINCES[Math.floor(rnd() * PROVINCES.length)]!;
    const draw = rnd();
    const priority: Priority = draw < 0.05 ? 'urgent' : draw < 0.2 ? 'high' : draw < 0.9 ? 'normal' : 'low';
    orders.push({
      lines: lineCount,
      request: {
        warehouse: options.warehouse,
        source: 'bench',
        externalRef: `${options.prefix}-${String(n).padStart(5, '0')}`,
        type: 'sales',
        priority,
        pushedAt: new Date(options.today.getTime() - Math.floor(rnd() * 7_200_000)).toISOString(),
        carrier: CARRIERS[Math.floor(rnd() * CARRIERS.length)]!,
        destination: { province, city, address: `测试路 ${n} 号`, contact: '王先生', phone: '13800000000' },
        customerId: options.customerIds[Math.floor(rnd() * options.customerIds.length)]!,
        lines: [...skus].map((sku) => ({ sku, quantity: 1 + Math.floor(rnd() * 6) })),
      },
    });
  }
  return orders;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
