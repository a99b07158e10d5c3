import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readOfflineCsv } from './offline-csv.js';
import {
  defaultMessageId,
  mapOfflineColumns,
  readOfflineRow,
  type OfflineRowContext,
} from './offline-row.js';
import { parseOfflineTime } from './offline-time.js';

const receivedAt = new Date('2026-03-10T00:00:00Z');

function contextFor(headers: string[]): OfflineRowContext {
  return {
    sourceId: '0190c9a8-0000-7000-8000-000000000001',
    columns: mapOfflineColumns(headers),
    receivedAt,
    emailKey: (raw) => (/^[^@\s]+@[^@\s]+\.[a-z]+$/i.test(raw) ? raw.toLowerCase() : undefined),
    phoneKey: (raw) => (/^\+?[\d\s-]{7,}$/.test(raw) ? raw.replace(/\D/g, '') : undefined),
  };
}

describe('parseOfflineTime', () => {
  it('reads times without a zone as China time, and ISO times with their zone', () => {
    expect(parseOfflineTime('2026-03-01 14:30')?.toISOString()).toBe('2026-03-01T06:30:00.000Z');
    expect(parseOfflineTime('2026/3/1 9:05:07')?.toISOString()).toBe('2026-03-01T01:05:07.000Z');
    expect(parseOfflineTime('2026-03-01')?.toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(parseOfflineTime('2026-03-01T14:30:00Z')?.toISOString()).toBe('2026-03-01T14:30:00.000Z');
    expect(parseOfflineTime('2026-03-01T14:30:00.250-05:00')?.toISOString()).toBe('2026-03-01T19:30:00.250Z');
    expect(parseOfflineTime(' 2026-03-01T14:30+0100 ')?.toISOString()).toBe('2026-03-01T13:30:00.000Z');
  });

  it('refuses what is not a time or names a day that does not exist', () => {
    for (const cell of [
      'yesterday',
      '2026-02-30 10:00',
      '2026-13-01',
      '2026-03-01 24:00',
      '01/03/2026',
      '',
    ]) {
      expect(parseOfflineTime(cell), cell).toBeUndefined();
    }
  });
});

describe('readOfflineRow', () => {
  it('maps Chinese headers; email rows get an offline: anonymous id and an identify first', () => {
    const headers = ['事件', '时间', '姓名', '邮箱', '手机', '展位'];
    const result = readOfflineRow(contextFor(headers), 2, [
      '沙龙签到',
      '2026-03-01 14:30',
      ' 王芳 ',
      'Wang.Fang@Example.com ',
      '138 0013 8000',
      'A12',
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.track).toMatchObject({
      type: 'track',
      event: '沙龙签到',
      userId: null,
      anonymousId: 'offline:Wang.Fang@Example.com',
      timestamp: new Date('2026-03-01T06:30:00Z'),
      originalTimestamp: new Date('2026-03-01T06:30:00Z'),
      properties: { 展位: 'A12' },
      traits: null,
      channel: 'offline',
    });
    expect(result.track.messageId).toMatch(/^offline-[A-Za-z0-9_-]{32}$/);
    expect(result.identify).toMatchObject({
      type: 'identify',
      messageId: `${result.track.messageId}:identify`,
      anonymousId: 'offline:Wang.Fang@Example.com',
      traits: { name: '王芳', email: 'Wang.Fang@Example.com', phone: '138 0013 8000' },
    });
  });

  it('takes ids, group and message id from their columns and the rest as properties; time defaults to arrival', () => {
    const headers = ['Event', 'user_id', 'Group ID', 'messageId', 'Booth', '电话', 'phone'];
    const result = readOfflineRow(contextFor(headers), 3, [
      'Visit',
      'u-1',
      'acme',
      'm-1',
      'B2',
      '',
      '13800138000',
    ]);
    expect(result).toMatchObject({
      ok: true,
      identify: { type: 'identify', userId: 'u-1', anonymousId: null, traits: { phone: '13800138000' } },
      track: {
        userId: 'u-1',
        anonymousId: null,
        groupId: 'acme',
        messageId: 'm-1',
        timestamp: receivedAt,
        originalTimestamp: null,
        properties: { Booth: 'B2' },
      },
    });
    const bare = readOfflineRow(contextFor(['event', 'anonymousId']), 4, ['Visit', 'a-1']);
    expect(bare).toMatchObject({ ok: true, identify: undefined, track: { anonymousId: 'a-1' } });
  });

  it('rejects rows without event, without any id, with bad email, phone or time, or extra cells', () => {
    const headers = ['event', 'timestamp', 'email', 'phone', 'userId'];
    const cases: [string[], string, string][] = [
      [['', '', 'a@b.cn', '', ''], 'event', 'required'],
      [['Visit', '', '', '', ''], 'userId', 'a row needs userId, anonymousId, email or phone'],
      [['Visit', '', 'not-mail', '', ''], 'email', 'not an email address'],
      [['Visit', '', '', 'call me', ''], 'phone', 'not a phone number'],
      [
        ['Visit', 'soon', '', '', 'u-1'],
        'timestamp',
        'not a time (use ISO 8601 or YYYY-MM-DD HH:mm, China time)',
      ],
      [['Visit', '', '', '', 'u-1', 'extra'], 'row', 'has 6 values but the header has 5 columns'],
      [['Visit', '', '', '', 'u'.repeat(256)], 'userId', 'must be at most 255 characters'],
    ];
    for (const [values, field, message] of cases) {
      expect(readOfflineRow(contextFor(headers), 7, values)).toEqual({
        ok: false,
        rejection: { row: 7, field, message },
      });
    }
  });

  it('gives a row the same message id whatever the column order or padding, and another row another', () => {
    const source = '0190c9a8-0000-7000-8000-000000000001';
    const a = defaultMessageId(source, ['event', 'phone'], ['Visit', '13800138000']);
    expect(defaultMessageId(source, ['phone', 'event'], [' 13800138000', 'Visit '])).toBe(a);
    expect(defaultMessageId(source, ['event', 'phone'], ['Visit', '13800138001'])).not.toBe(a);
    expect(
      defaultMessageId('0190c9a8-0000-7000-8000-000000000002', ['event', 'phone'], ['Visit', '13800138000']),
    ).not.toBe(a);
  });
});

describe('readOfflineCsv', () => {
  const text = '事件,姓名,备注\r\n签到,王芳,"第一行\r\n第二行"\r\n\r\n签到,李雷,\r\n';

  it('reads UTF-8, UTF-8 with BOM and GB18030 alike, numbering rows as a spreadsheet does', () => {
    const expected = {
      headers: ['事件', '姓名', '备注'],
      rows: [
        { row: 2, values: ['签到', '王芳', '第一行\r\n第二行'] },
        { row: 4, values: ['签到', '李雷', ''] },
      ],
    };
    expect(readOfflineCsv(Buffer.from(text))).toEqual({ ...expected, encoding: 'utf-8' });
    expect(readOfflineCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual({
      ...expected,
      encoding: 'utf-8-bom',
    });
    expect(readOfflineCsv(iconv.encode(text, 'gb18030'))).toEqual({ ...expected, encoding: 'gb18030' });
    expect(readOfflineCsv(Buffer.from('event;phone\nVisit;1380\n')).rows).toEqual([
      { row: 2, values: ['Visit', '1380'] },
    ]);
  });

  it('refuses empty files, workbooks, binary data and broken quoting with a reason', () => {
    expect(() => readOfflineCsv(Buffer.alloc(0))).toThrow(
      expect.objectContaining({ code: 'insights.import.empty' }),
    );
    expect(() => readOfflineCsv(Buffer.from('\r\n  ,\r\n'))).toThrow(
      expect.objectContaining({ code: 'insights.import.empty' }),
    );
    expect(() => readOfflineCsv(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toThrow(
      expect.objectContaining({ code: 'insights.import.unreadable' }),
    );
    expect(() => readOfflineCsv(Buffer.from('event\u0000,x\n'))).toThrow(
      expect.objectContaining({ code: 'insights.import.unreadable' }),
    );
    expect(() => readOfflineCsv(Buffer.from('event,x\nVisit,ok\nVisit,"never closed\n'))).toThrow(
      expect.objectContaining({ code: 'insights.import.malformed', details: { row: 3 } }),
    );
  });
});
