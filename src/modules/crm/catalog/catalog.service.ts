/**
 * The sales catalogue's use cases: products (stocked ones checked against the warehouse's items
 * through the order port), their price lists, and the price a customer pays for each.
 */
import { requirePermission, type Actor } from '../../../platform/auth/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import type { CrmDeps } from '../crm-deps.js';
import type {
  CreateProductInput,
  Money,
  Product,
  ProductQuery,
  SetProductPricesInput,
  UpdateProductInput,
} from './catalog.contract.js';
import { productInvalid, productNotFound, productUnknownSku } from './catalog.errors.js';
import * as repo from './catalog.repository.js';

/** The currency of products created without a price. */
const DEFAULT_CURRENCY = 'CNY';

function toProduct(row: repo.ProductRow, prices: repo.ProductPriceRow[]): Product {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as Product['kind'],
    sku: row.sku,
    price: row.priceAmount === null ? null : { amount: row.priceAmount, currency: row.currency },
    taxRate: row.taxRate,
    active: row.active,
    prices: prices.map((p) => ({
      customerKind: p.customerKind as Product['prices'][number]['customerKind'],
      valueTier: p.valueTier === '' ? null : p.valueTier,
      amount: p.amount,
      currency: p.currency,
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A stocked product's SKU must name a warehouse item; a service has none. */
async function checkSku(deps: CrmDeps, tenantId: string, kind: string, sku: string | null | undefined) {
  if (kind === 'service') {
    if (sku) throw productInvalid([{ path: 'sku', message: 'a service has no SKU' }]);
    return;
  }
  if (!sku || !deps.orders) throw productUnknownSku(sku ?? undefined);
  const known = await deps.orders.findSkus(deps.db, tenantId, [sku]);
  if (!known.has(sku)) throw productUnknownSku(sku);
}

/** Adds a product to the catalogue. */
export async function createProduct(
  deps: CrmDeps,
  actor: Actor,
  input: CreateProductInput,
): Promise<Product> {
  requirePermission(actor, 'crm.settings');
  await checkSku(deps, actor.tenantId, input.kind, input.sku);
  const now = deps.clock.now();
  const row = await repo.insertProduct(deps.db, actor.tenantId, {
    id: newId(),
    name: input.name,
    kind: input.kind,
    sku: input.sku ?? null,
    priceAmount: input.price?.amount ?? null,
    currency: input.price?.currency ?? DEFAULT_CURRENCY,
    taxRate: input.taxRate ?? 0,
    active: true,
    createdAt: now,
    updatedAt: now,
  });
  return toProduct(row, []);
}

/** One product with its price lists (404 `crm.product.not_found`). */
export async function getProduct(deps: CrmDeps, actor: Actor, id: string): Promise<Product> {
  requirePermission(actor, 'customers.read');
  const [row] = await repo.findProductRows(deps.db, actor.tenantId, [id]);
  if (!row) throw productNotFound(id);
  return toProduct(row, await repo.listPriceRows(deps.db, actor.tenantId, [id]));
}

/** The catalogue by name. */
export async function listProducts(
  deps: CrmDeps,
  actor: Actor,
  query: ProductQuery,
): Promise<{ items: Product[] }> {
  requirePermission(actor, 'customers.read');
  const rows = await repo.listProductRows(deps.db, actor.tenantId, {
    kind: query.kind,
    q: query.q,
    active: query.active === undefined ? undefined : query.active === 'true',
  });
  const prices = await repo.listPriceRows(
    deps.db,
    actor.tenantId,
    rows.map((row) => row.id),
  );
  return {
    items: rows.map((row) =>
      toProduct(
        row,
        prices.filter((p) => p.productId === row.id),
      ),
    ),
  };
}

/** Edits a product; a new SKU of a stocked product is checked against the warehouse. */
export async function updateProduct(
  deps: CrmDeps,
  actor: Actor,
  id: string,
  input: UpdateProductInput,
): Promise<Product> {
  requirePermission(actor, 'crm.settings');
  const [current] = await repo.findProductRows(deps.db, actor.tenantId, [id]);
  if (!current) throw productNotFound(id);
  if (input.sku !== undefined) await checkSku(deps, actor.tenantId, current.kind, input.sku);
  const { price, ...rest } = input;
  const changes: repo.ProductChanges = { ...rest, updatedAt: deps.clock.now() };
  if (price === null) changes.priceAmount = null;
  if (price) Object.assign(changes, { priceAmount: price.amount, currency: price.currency });
  await repo.updateProductRow(deps.db, actor.tenantId, id, changes);
  return getProduct(deps, actor, id);
}

/** Sets prices per customer kind and value tier (a tier of null: every tier of the kind). */
export async function setProductPrices(
  deps: CrmDeps,
  actor: Actor,
  id: string,
  input: SetProductPricesInput,
): Promise<Product> {
  requirePermission(actor, 'crm.settings');
  const [current] = await repo.findProductRows(deps.db, actor.tenantId, [id]);
  if (!current) throw productNotFound(id);
  const now = deps.clock.now();
  await repo.upsertPriceRows(
    deps.db,
    input.prices.map((p) => ({
      tenantId: actor.tenantId,
      productId: id,
      customerKind: p.customerKind,
      valueTier: p.valueTier ?? '',
      amount: p.amount,
      currency: p.currency,
      updatedAt: now,
    })),
  );
  return getProduct(deps, actor, id);
}

/** A product as a deal line needs it: kind, SKU, tax rate and the price this customer pays. */
export type PricedProduct = {
  id: string;
  kind: 'stocked' | 'service';
  sku: string | null;
  taxRate: number;
  /** The customer's price: its kind and value tier's, else its kind's, else the list price. */
  price: Money | null;
};

/** The products with these ids, each priced for a customer of this kind and value tier. */
export async function priceProducts(
  db: Db,
  tenantId: string,
  ids: string[],
  customer: { kind: string; valueTier: string | null },
): Promise<Map<string, PricedProduct>> {
  const rows = await repo.findProductRows(db, tenantId, [...new Set(ids)]);
  const prices = await repo.listPriceRows(
    db,
    tenantId,
    rows.map((row) => row.id),
  );
  const priced = new Map<string, PricedProduct>();
  for (const row of rows) {
    const own = prices.filter((p) => p.productId === row.id && p.customerKind === customer.kind);
    const match =
      own.find((p) => customer.valueTier !== null && p.valueTier === customer.valueTier) ??
      own.find((p) => p.valueTier === '');
    const list = row.priceAmount === null ? null : { amount: row.priceAmount, currency: row.currency };
    priced.set(row.id, {
      id: row.id,
      kind: row.kind as PricedProduct['kind'],
      sku: row.sku,
      taxRate: row.taxRate,
      price: match ? { amount: match.amount, currency: match.currency } : list,
    });
  }
  return priced;
}

/** The SKUs of the stocked products among these, by product id. */
export async function listStockedSkus(db: Db, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  const rows = await repo.findProductRows(db, tenantId, [...new Set(ids)]);
  return new Map(rows.filter((row) => row.kind === 'stocked' && row.sku).map((row) => [row.id, row.sku!]));
}

/** The name and SKU of each of these products, by id (for documents that print them). */
export async function findProductLabels(
  db: Db,
  tenantId: string,
  ids: string[],
): Promise<Map<string, { name: string; sku: string | null }>> {
  const rows = await repo.findProductRows(db, tenantId, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, { name: row.name, sku: row.sku }]));
}
