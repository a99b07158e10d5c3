/**
 * The shipping label as ZPL II for thermal printers (Zebra and compatibles): 100 × 150 mm at 203 dpi
 * (8 dots/mm), UTF-8 field data (`^CI28`). Chinese text is printed with `^A@` in a TrueType font
 * stored on the printer (`E:SIMSUN.TTF` by default): the printer needs a CJK font downloaded to it,
 * otherwise Chinese characters print as blanks or boxes. Barcodes are the printer's own (`^BC`
 * Code128, `^BQ` QR), so they need no font.
 */
import type { DocumentLang, OrderDocument } from './document.contract.js';
import { documentLabels, formatAddress, formatKg, orderQrText } from './document-labels.js';

/** The printer-resident CJK font ZPL labels use unless told otherwise. */
export const ZPL_CJK_FONT = 'E:SIMSUN.TTF';

const DOTS_PER_MM = 8;
const WIDTH = 100 * DOTS_PER_MM;
const HEIGHT = 150 * DOTS_PER_MM;
const LEFT = 40;
const INNER = WIDTH - 2 * LEFT;

/**
 * ZPL of the 100 × 150 mm label of `order`, the same content as the PDF label. Field data goes
 * through `^FH` so `^`, `~` and `_` in names or addresses cannot break the label.
 */
export function renderShippingLabelZpl(
  order: OrderDocument,
  lang: DocumentLang,
  options: { cjkFont?: string } = {},
): string {
  const labels = documentLabels(lang);
  const font = options.cjkFont ?? ZPL_CJK_FONT;
  const text = (x: number, y: number, size: number, value: string, block?: { lines: number }) =>
    `^FO${x},${y}^A@N,${size},${size},${font}` +
    (block ? `^FB${INNER},${block.lines},4,L,0` : '') +
    zplData(value);
  const destination = order.destination;
  const recipient = [order.recipientName, destination.contact, destination.phone].filter(Boolean).join('  ');
  const weight = order.weightKg === null ? '—' : `${formatKg(order.weightKg)} kg`;
  const out = ['^XA', '^CI28', `^PW${WIDTH}`, `^LL${HEIGHT}`, '^LH0,0'];
  out.push(text(LEFT, 30, 56, order.carrier ?? '—'));
  if (order.priority === 'urgent') {
    out.push(`^FO${WIDTH - LEFT - 180},24^GB180,70,70^FS`);
    out.push(`^FO${WIDTH - LEFT - 180},36^A@N,48,48,${font}^FR^FB180,1,0,C,0${zplData(labels.urgent)}`);
  }
  out.push(`^FO${LEFT},110^GB${INNER},4,4^FS`);
  out.push(text(LEFT, 130, 40, recipient || '—'));
  out.push(text(LEFT, 185, 36, formatAddress(destination) || '—', { lines: 3 }));
  if (destination.store) out.push(text(LEFT, 320, 32, `${labels.store}: ${destination.store}`));
  out.push(`^FO${LEFT},370^GB${INNER},4,4^FS`);
  out.push(
    `^FO${LEFT},400^BY${moduleWidth(order.externalRef)},3,160^BCN,160,Y,N,N,A${zplData(order.externalRef)}`,
  );
  out.push(`^FO${LEFT},640^GB${INNER},4,4^FS`);
  const facts = [
    `${labels.orderRef}: ${order.externalRef}`,
    `${labels.warehouse}: ${order.warehouseCode}`,
    `${labels.quantity}: ${order.pieces}`,
    `${labels.weight}: ${weight}`,
    `${labels.priority}: ${labels.priorities[order.priority]}`,
  ];
  facts.forEach((fact, index) => out.push(text(LEFT, 670 + index * 48, 32, fact)));
  out.push(`^FO${WIDTH - LEFT - 260},660^BQN,2,6${zplData(`MA,${orderQrText(order)}`)}`);
  out.push('^XZ');
  return `${out.join('\n')}\n`;
}

/** `^FH^FD…^FS` with `_`, `^` and `~` written as `_5F`, `_5E`, `_7E` (the `^FH` hex escape). */
export function zplData(value: string): string {
  const escaped = value.replace(/[_^~]/g, (char) => `_${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `^FH^FD${escaped}^FS`;
}

/** 3 dots per module when the Code128 fits the label's width, else 2 (Code128 B: 11 modules a character). */
function moduleWidth(text: string): number {
  return (11 * text.length + 35) * 3 <= INNER ? 3 : 2;
}
