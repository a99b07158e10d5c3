import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeCsv, encodeCsv } from './csv-decode.js';

const chineseCsv =
  '客户名称,手机,地区\r\n杭州云帆科技有限公司,13800138000,浙江省杭州市\r\n王芳,13900139000,北京\r\n';

describe('decodeCsv', () => {
  it('reads plain UTF-8', () => {
    expect(decodeCsv(Buffer.from(chineseCsv, 'utf8'))).toEqual({ text: chineseCsv, encoding: 'utf-8' });
  });

  it('strips a UTF-8 byte order mark and says it was there', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(chineseCsv, 'utf8')]);
    const decoded = decodeCsv(bytes);
    expect(decoded).toEqual({ text: chineseCsv, encoding: 'utf-8-bom' });
    expect(decoded.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('falls back to GB18030 for what Chinese Excel saves', () => {
    const bytes = iconv.encode(chineseCsv, 'gb18030');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decodeCsv(bytes)).toEqual({ text: chineseCsv, encoding: 'gb18030' });
  });

  it('reads characters outside GBK that only GB18030 has', () => {
    const text = '名称\n𠀀有限公司\n';
    expect(decodeCsv(iconv.encode(text, 'gb18030'))).toEqual({ text, encoding: 'gb18030' });
  });

  it('reads bytes valid as both UTF-8 and GB18030 as UTF-8', () => {
    // GB18030 would read the UTF-8 bytes of "中文" as the mojibake "涓枃", so guessing must prefer UTF-8.
    const text = 'name\n中文\n';
    const bytes = Buffer.from(text, 'utf8');
    expect(iconv.decode(bytes, 'gb18030')).not.toBe(text);
    expect(decodeCsv(bytes)).toEqual({ text, encoding: 'utf-8' });
  });

  it('reads ASCII as UTF-8', () => {
    expect(decodeCsv(Buffer.from('name,phone\nAcme,123\n'))).toEqual({
      text: 'name,phone\nAcme,123\n',
      encoding: 'utf-8',
    });
  });

  it('reads UTF-16 in both byte orders by their byte order mark', () => {
    const text = '名称\t电话\r\n王芳\t139\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]);
    expect(decodeCsv(le)).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeCsv(be)).toEqual({ text, encoding: 'utf-16be' });
  });

  it('accepts a Uint8Array view into a larger buffer', () => {
    const backing = Buffer.from(`xx${chineseCsv}yy`, 'utf8');
    const view = new Uint8Array(backing.buffer, backing.byteOffset + 2, backing.byteLength - 4);
    expect(decodeCsv(view).text).toBe(chineseCsv);
  });

  it('reads an empty file as empty UTF-8', () => {
    expect(decodeCsv(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });
});

describe('encodeCsv', () => {
  it('writes a BOM only for utf-8-bom', () => {
    expect([...encodeCsv('a', 'utf-8-bom')]).toEqual([0xef, 0xbb, 0xbf, 0x61]);
    expect([...encodeCsv('a', 'utf-8')]).toEqual([0x61]);
  });

  it('writes GB18030 that old Excel reads', () => {
    expect(encodeCsv('王芳', 'gb18030')).toEqual(iconv.encode('王芳', 'gb18030'));
  });

  it.each(['utf-8', 'utf-8-bom', 'gb18030'] as const)('round-trips through decodeCsv as %s', (encoding) => {
    expect(decodeCsv(encodeCsv(chineseCsv, encoding))).toEqual({ text: chineseCsv, encoding });
  });
});
