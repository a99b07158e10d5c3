/**
 * Outbound documents (pick list, packing slip, shipping label): the query they take and the data the
 * renderers draw. The renderers are pure: they get an `OrderDocument` and return bytes.
 */
import { z } from 'zod';

export const DOCUMENT_LANGS = ['zh-CN', 'en'] as const;
export const DocumentLang = z.enum(DOCUMENT_LANGS);
export type DocumentLang = z.infer<typeof DocumentLang>;

/** `?lang=`: the language of the document's labels (zh-CN by default); data is printed as stored. */
export const DocumentQuery = z.object({ lang: DocumentLang.default('zh-CN') });
export type DocumentQuery = z.infer<typeof DocumentQuery>;

/** The four documents of an order. */
export type DocumentKind = 'pick-list' | 'packing-slip' | 'shipping-label' | 'shipping-label-zpl';

/** One reserved (or picked) quantity at a location: a row of the pick list. */
export type PickRow = {
  lineNo: number;
  locationCode: string;
  sku: string;
  itemName: string;
  unit: string;
  lotNumber: string | null;
  /** `YYYY-MM-DD`. */
  expiryDate: string | null;
  quantity: number;
  status: 'active' | 'picked';
};

/** An order line as printed on the packing slip, with the lots reserved for it. */
export type DocumentLine = {
  lineNo: number;
  sku: string;
  itemName: string;
  unit: string;
  quantity: number;
  /** Reserved or picked quantity. */
  allocated: number;
  lots: { lotNumber: string; quantity: number }[];
};

/** Everything a document of an outbound order shows, loaded once. */
export type OrderDocument = {
  orderId: string;
  externalRef: string;
  source: string;
  type: string;
  priority: 'urgent' | 'high' | 'normal' | 'low';
  status: string;
  pushedAt: Date;
  warehouseCode: string;
  warehouseName: string;
  /** The warehouse's time zone: every time a document prints is in it, with its offset. */
  warehouseTimeZone: string;
  carrier: string | null;
  destination: Partial<
    Record<'province' | 'city' | 'district' | 'address' | 'store' | 'contact' | 'phone', string>
  >;
  /** Who receives the goods: the customer (sales), the supplier (returns) or the target warehouse. */
  recipientName: string | null;
  note: string | null;
  /** Nominal weight (Σ pieces × item weight); null when an item has no weight. */
  /** Units that go out: what is reserved or picked, or what was ordered while nothing is. */
  pieces: number;
  weightKg: number | null;
  lines: DocumentLine[];
  /** Pick rows in walking order (location path rank, then code). */
  pickRows: PickRow[];
};

/** A rendered document, ready to send. */
export type RenderedDocument = { filename: string; contentType: string; body: Buffer };
