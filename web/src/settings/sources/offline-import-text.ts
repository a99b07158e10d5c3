/**
 * The words around an offline CSV import: the example file offered for download, and the i18n keys
 * for the server's English error codes and row reasons, so a Chinese reader gets Chinese.
 */
import { isApiError } from '../../api/client';
import type { Locale } from '../../api/types';
import { OFFLINE_IMPORT_ERRORS } from '../../../../src/modules/insights/offline/offline-import.contract';

/** The example file's rows in each language; Chinese headers are the ones a sign-in sheet uses. */
const EXAMPLES: Record<Locale, string[][]> = {
  en: [
    ['event', 'timestamp', 'name', 'phone', 'email', 'userId', 'venue'],
    [
      'Attended Salon',
      '2026-06-12 14:00',
      'Zhang Wei',
      '13800138000',
      'zhang.wei@example.com',
      '',
      'Shanghai',
    ],
    ['Visited Booth', '2026-06-13 10:30', 'Li Na', '', 'li.na@example.com', '', 'Beijing Expo, hall 2'],
    ['Requested Quote', '2026-06-13 11:05', '', '', '', 'crm-10086', 'Beijing Expo, hall 2'],
  ],
  'zh-CN': [
    ['事件', '时间', '姓名', '手机', '邮箱', '用户ID', '会场'],
    ['参加沙龙', '2026-06-12 14:00', '张伟', '13800138000', 'zhang.wei@example.com', '', '上海'],
    ['展会到访', '2026-06-13 10:30', '李娜', '', 'li.na@example.com', '', '北京展会，2 号馆'],
    ['索取报价', '2026-06-13 11:05', '', '', '', 'crm-10086', '北京展会，2 号馆'],
  ],
};

const cell = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** The example CSV in `locale`, UTF-8 with a BOM so Excel opens the Chinese right. */
export function offlineExampleCsv(locale: Locale): string {
  return `\uFEFF${EXAMPLES[locale].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Saves the example CSV as a download, built here rather than fetched. */
export function downloadOfflineExample(locale: Locale): void {
  const url = URL.createObjectURL(new Blob([offlineExampleCsv(locale)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = locale === 'zh-CN' ? '线下触点示例.csv' : 'offline-touchpoints-example.csv';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A translated text: its key under `sources.importCsv` and what it interpolates. */
export type TextRef = { key: ImportTextKey; values?: Record<string, string | number> };

type ImportTextKey =
  | `problems.${'tooLarge' | 'empty' | 'unreadable' | 'malformed' | 'missingColumn' | 'notOffline' | 'disabled'}`
  | `reasons.${'required' | 'tooLong' | 'email' | 'phone' | 'noId' | 'time' | 'columns'}`;

const PROBLEMS: Record<string, ImportTextKey> = {
  [OFFLINE_IMPORT_ERRORS.tooLarge]: 'problems.tooLarge',
  [OFFLINE_IMPORT_ERRORS.empty]: 'problems.empty',
  [OFFLINE_IMPORT_ERRORS.unreadable]: 'problems.unreadable',
  [OFFLINE_IMPORT_ERRORS.malformed]: 'problems.malformed',
  [OFFLINE_IMPORT_ERRORS.missingColumn]: 'problems.missingColumn',
  [OFFLINE_IMPORT_ERRORS.sourceNotOffline]: 'problems.notOffline',
  [OFFLINE_IMPORT_ERRORS.sourceDisabled]: 'problems.disabled',
};

/** The text for a refused import when the server named a known code; otherwise undefined. */
export function importProblemText(error: unknown): TextRef | undefined {
  if (!isApiError(error)) return undefined;
  const key = PROBLEMS[error.code];
  if (!key) return undefined;
  // The problem carries the error's details (limitBytes, row) beside its standard members.
  const extra = (error.problem ?? {}) as Record<string, unknown>;
  const limit = typeof extra.limitBytes === 'number' ? Math.round(extra.limitBytes / 1024 / 1024) : 20;
  const row = typeof extra.row === 'number' ? extra.row : '?';
  return { key, values: { limit, row } };
}

/** The server's reasons for a rejected row (English), each with its translation. */
const REASONS: [RegExp, (match: RegExpMatchArray) => TextRef][] = [
  [/^required$/, () => ({ key: 'reasons.required' })],
  [/^must be at most (\d+) characters$/, (m) => ({ key: 'reasons.tooLong', values: { max: m[1] ?? '' } })],
  [/^not an email address$/, () => ({ key: 'reasons.email' })],
  [/^not a phone number$/, () => ({ key: 'reasons.phone' })],
  [/^a row needs userId/, () => ({ key: 'reasons.noId' })],
  [/^not a time/, () => ({ key: 'reasons.time' })],
  [
    /^has (\d+) values but the header has (\d+) columns$/,
    (m) => ({ key: 'reasons.columns', values: { values: m[1] ?? '', columns: m[2] ?? '' } }),
  ],
];

/** The translation of a rejected row's reason, or undefined to show the server's words. */
export function rejectionReasonText(message: string): TextRef | undefined {
  for (const [pattern, text] of REASONS) {
    const match = message.match(pattern);
    if (match) return text(match);
  }
  return undefined;
}
