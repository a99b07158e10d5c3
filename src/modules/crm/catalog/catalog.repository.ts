/** Queries of the sales catalogue: products and their price lists. */
import { and, asc, eq, ilike, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { productPrices, products } from './catalog.table.js';

export type ProductRow = typeof products.$inferSelect;
export type NewProductRow = Omit<typeof products.$inferInsert, 'tenantId'>;
export type ProductPriceRow = typeof productPrices.$inferSelect;
export type ProductChanges = Partial<Omit<NewProductRow, 'id' | 'kind' | 'createdAt'>>;

/** Records a product. */
export async function insertProduct(db: Db, tenantId: string, row: NewProductRow): Promise<ProductRow> {
  const [inserted] = await db
    .insert(products)
    .values({ ...row, tenantId })
    .returning();
  return inserted!;
}

/** The tenant's products with these ids. */
export async function findProductRows(db: Db, tenantId: string, ids: string[]): Promise<ProductRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(products)
    .where(and(eq(products.tenantId, tenantId), inArray(products.id, ids)));
}

/** The tenant's products by name, filtered by kind, name or SKU and whether active. */
export async function listProductRows(
  db: Db,
  tenantId: string,
  filter: { kind?: string; q?: string; active?: boolean },
): Promise<ProductRow[]> {
  const q = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  return db
    .select()
    .from(products)
    .where(
      and(
        eq(products.tenantId, tenantId),
        filter.kind ? eq(products.kind, filter.kind) : undefined,
        filter.active === undefined ? undefined : eq(products.active, filter.active),
        q ? ilike(products.name, q) : undefined,
      ),
    )
    .orderBy(asc(products.name), asc(products.id))
    .limit(1000);
}

/** Changes a product; the row after, if it exists. */
export async function updateProductRow(
  db: Db,
  tenantId: string,
  id: string,
  changes: ProductChanges,
): Promise<ProductRow | undefined> {
  const [row] = await db
    .update(products)
    .set(changes)
    .where(and(eq(products.tenantId, tenantId), eq(products.id, id)))
    .returning();
  return row;
}

/** The price lists of these products. */
export async function listPriceRows(
  db: Db,
  tenantId: string,
  productIds: string[],
): Promise<ProductPriceRow[]> {
  if (productIds.length === 0) return [];
  return db
    .select()
    .from(productPrices)
    .where(and(eq(productPrices.tenantId, tenantId), inArray(productPrices.productId, productIds)))
    .orderBy(asc(productPrices.customerKind), asc(productPrices.valueTier));
}

/** Writes a product's prices, replacing those of the same kind and tier. */
export async function upsertPriceRows(db: Db, rows: ProductPriceRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(productPrices)
    .values(rows)
    .onConflictDoUpdate({
      target: [
        productPrices.tenantId,
        productPrices.productId,
        productPrices.customerKind,
        productPrices.valueTier,
      ],
      set: {
        amount: sql`excluded.amount`,
        currency: sql`excluded.currency`,
        updatedAt: sql`excluded.updated_at`,
      },
    });
}
