/** The printed words of a quote in zh-CN and English, and how amounts and dates are written on it. */
import type { QuoteLanguage } from './quote.contract.js';

const zh = {
  title: '报价单',
  colon: '：',
  number: '报价单号',
  version: '版本',
  seller: '报价方',
  customer: '客户',
  date: '报价日期',
  validUntil: '有效期至',
  currency: '币种',
  lineNo: '序号',
  product: '产品',
  sku: 'SKU',
  quantity: '数量',
  unitPrice: '单价',
  discount: '折扣',
  taxRate: '税率',
  amount: '金额',
  subtotal: '小计',
  tax: '税额',
  total: '合计（含税）',
  note: '备注',
  validity: (day: string) => `本报价有效期至 ${day}，价格以本报价单为准。`,
};

export type QuoteLabels = typeof zh;

const en: QuoteLabels = {
  title: 'Quotation',
  colon: ':',
  number: 'Quote no.',
  version: 'Version',
  seller: 'Seller',
  customer: 'Customer',
  date: 'Date',
  validUntil: 'Valid until',
  currency: 'Currency',
  lineNo: '#',
  product: 'Product',
  sku: 'SKU',
  quantity: 'Qty',
  unitPrice: 'Unit price',
  discount: 'Discount',
  taxRate: 'Tax rate',
  amount: 'Amount',
  subtotal: 'Subtotal',
  tax: 'Tax',
  total: 'Total (incl. tax)',
  note: 'Note',
  validity: (day: string) => `The prices in this quotation hold until ${day}.`,
};

/** The printed words in `language`. */
export function quoteLabels(language: QuoteLanguage): QuoteLabels {
  return language === 'en' ? en : zh;
}

/** How many minor units make one major unit of `currency` (100 for CNY, 1 for JPY). */
function minorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/** An amount in minor units as money in `language`, e.g. 123456 CNY -> `¥1,234.56`. */
export function formatMoney(minor: number, currency: string, language: QuoteLanguage): string {
  const digits = minorDigits(currency);
  const major = minor / 10 ** digits;
  try {
    return new Intl.NumberFormat(language, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(major);
  } catch {
    return `${major.toFixed(digits)} ${currency}`;
  }
}

/** A quantity as printed: up to three decimals, no trailing zeros. */
export function formatQuantity(quantity: number, language: QuoteLanguage): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 3 }).format(quantity);
}

/** A percentage given in percent (12.5 -> `12.5%`). */
export function formatPercent(percent: number): string {
  return `${Number(percent.toFixed(2))}%`;
}

/** The calendar day of `at` in China (UTC+8), `YYYY-MM-DD`. */
export function formatChinaDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
