import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { importProblemText, offlineExampleCsv, rejectionReasonText } from './offline-import-text';

describe('the offline import example', () => {
  it('is UTF-8 CSV with a BOM, a header and three rows, in the reader language', () => {
    const zh = offlineExampleCsv('zh-CN');
    expect(zh.startsWith('\uFEFF事件,时间,姓名,手机,邮箱,用户ID,会场\r\n')).toBe(true);
    expect(zh.trimEnd().split('\r\n')).toHaveLength(4);
    const en = offlineExampleCsv('en');
    expect(en.startsWith('\uFEFFevent,timestamp,name,phone,email,userId,venue\r\n')).toBe(true);
  });

  it('quotes a cell holding a comma', () => {
    expect(offlineExampleCsv('en')).toContain(',"Beijing Expo, hall 2"\r\n');
  });
});

describe('offline import texts', () => {
  it("translate the server's reasons for a rejected row", () => {
    expect(rejectionReasonText('required')).toEqual({ key: 'reasons.required' });
    expect(rejectionReasonText('not an email address')).toEqual({ key: 'reasons.email' });
    expect(rejectionReasonText('must be at most 255 characters')).toEqual({
      key: 'reasons.tooLong',
      values: { max: '255' },
    });
    expect(rejectionReasonText('has 5 values but the header has 3 columns')).toEqual({
      key: 'reasons.columns',
      values: { values: '5', columns: '3' },
    });
    expect(rejectionReasonText('a row needs userId, anonymousId, email or phone')?.key).toBe('reasons.noId');
    expect(rejectionReasonText('not a time (use ISO 8601 or YYYY-MM-DD HH:mm, China time)')?.key).toBe(
      'reasons.time',
    );
  });

  it("leave reasons they do not know in the server's words", () => {
    expect(rejectionReasonText('something new')).toBeUndefined();
  });

  it('name the problem of a refused file with its details, and only for import codes', () => {
    const problem = (code: string, extra: object = {}) =>
      new ApiError(400, { title: 'Bad Request', status: 400, detail: 'x', code, ...extra }, '400');
    expect(importProblemText(problem('insights.import.malformed', { row: 7 }))).toEqual({
      key: 'problems.malformed',
      values: { limit: 20, row: 7 },
    });
    expect(importProblemText(problem('insights.import.too_large', { limitBytes: 10 * 1024 * 1024 }))).toEqual(
      {
        key: 'problems.tooLarge',
        values: { limit: 10, row: '?' },
      },
    );
    expect(importProblemText(problem('auth.forbidden'))).toBeUndefined();
    expect(importProblemText(new TypeError('Failed to fetch'))).toBeUndefined();
  });
});
