import { describe, expect, it } from 'vitest';
import {
  agencyLevelValue,
  booleanValue,
  dateValue,
  enumValue,
  kindValue,
  tagsValue,
  tierValue,
} from './customer-values.js';

describe('kindValue', () => {
  it.each([
    ['business', 'business'],
    ['Business', 'business'],
    ['企业', 'business'],
    ['公司', 'business'],
    ['企业客户', 'business'],
    ['B', 'business'],
    ['toB', 'business'],
    ['To B', 'business'],
    ['consumer', 'consumer'],
    ['个人', 'consumer'],
    ['消费者', 'consumer'],
    ['c', 'consumer'],
    ['toC', 'consumer'],
    ['government', 'government'],
    ['政府', 'government'],
    ['事业单位', 'government'],
    ['政府机构', 'government'],
    ['政府/事业单位', 'government'],
    ['G', 'government'],
    ['toG', 'government'],
  ])('reads %j as %s', (raw, kind) => {
    expect(kindValue(raw)).toEqual({ ok: true, value: kind });
  });

  it('rejects other words, naming what is allowed', () => {
    expect(kindValue('partner')).toEqual({
      ok: false,
      message: '"partner" is not one of: business, consumer, government',
    });
  });
});

describe('tierValue', () => {
  it.each([
    ['A', 'A'],
    ['b', 'B'],
    ['C类', 'C'],
    ['D级', 'D'],
    [' a 级 ', 'A'],
  ])('reads intent tier %j as %s', (raw, tier) => {
    expect(tierValue('intent')(raw)).toEqual({ ok: true, value: tier });
  });

  it('keeps satisfaction to A–C and intent to A–D', () => {
    expect(tierValue('satisfaction')('c级')).toEqual({ ok: true, value: 'C' });
    expect(tierValue('satisfaction')('D')).toEqual({
      ok: false,
      message: '"D" is not a satisfaction tier; use A, B, C',
    });
    expect(tierValue('intent')('E').ok).toBe(false);
    expect(tierValue('intent')('AB').ok).toBe(false);
    expect(tierValue('intent')('高').ok).toBe(false);
  });
});

describe('booleanValue', () => {
  it.each(['true', 'TRUE', 'yes', 'Y', '1', '是'])('reads %j as true', (raw) => {
    expect(booleanValue(raw)).toEqual({ ok: true, value: true });
  });

  it.each(['false', 'FALSE', 'no', 'n', '0', '否'])('reads %j as false', (raw) => {
    expect(booleanValue(raw)).toEqual({ ok: true, value: false });
  });

  it('rejects anything else', () => {
    expect(booleanValue('maybe').ok).toBe(false);
  });
});

describe('tagsValue', () => {
  it('splits on every separator people use, trimming and dropping empties and repeats', () => {
    expect(tagsValue('vip; 华东 |老客户，重点、vip,,  ；展会')).toEqual({
      ok: true,
      value: ['vip', '华东', '老客户', '重点', '展会'],
    });
  });

  it('reads a single tag as itself', () => {
    expect(tagsValue('vip')).toEqual({ ok: true, value: ['vip'] });
  });
});

describe('dateValue', () => {
  it.each([
    ['2024-03-05', '2024-03-04T16:00:00.000Z'],
    ['2024/03/05', '2024-03-04T16:00:00.000Z'],
    ['2024/3/5', '2024-03-04T16:00:00.000Z'],
    ['2024年3月5日', '2024-03-04T16:00:00.000Z'],
    ['2024-03-05 09:30', '2024-03-05T01:30:00.000Z'],
    ['2024-03-05 09:30:15', '2024-03-05T01:30:15.000Z'],
    ['2024/3/5 9:07', '2024-03-05T01:07:00.000Z'],
    ['2024-03-05T09:30:15', '2024-03-05T01:30:15.000Z'],
    ['2024-03-05T09:30:15.250Z', '2024-03-05T09:30:15.250Z'],
    ['2024-03-05T09:30:15+08:00', '2024-03-05T01:30:15.000Z'],
    ['2024-03-05T09:30:15-0500', '2024-03-05T14:30:15.000Z'],
    ['2024-01-01 00:30', '2023-12-31T16:30:00.000Z'],
    ['2024-02-29', '2024-02-28T16:00:00.000Z'],
  ])('reads %j as %s', (raw, iso) => {
    expect(dateValue(raw)).toEqual({ ok: true, value: iso });
  });

  it.each([
    '2023-02-29',
    '2024-13-01',
    '2024-04-31',
    '2024-03-05 24:00',
    '2024-03-05 10:60',
    '3/5/2024',
    'soon',
    '',
  ])('rejects %j', (raw) => {
    const result = dateValue(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('YYYY-MM-DD');
  });
});

describe('enumValue', () => {
  const size = enumValue(['micro', 'small', 'medium', 'large', 'enterprise'], {
    小型: 'small',
    大型: 'large',
  });

  it('matches allowed values loosely and through aliases', () => {
    expect(size('Small')).toEqual({ ok: true, value: 'small' });
    expect(size('小型')).toEqual({ ok: true, value: 'small' });
    expect(enumValue(['single_source', 'public_tender'])('Public Tender')).toEqual({
      ok: true,
      value: 'public_tender',
    });
  });

  it('rejects anything else, listing the allowed values', () => {
    expect(size('huge')).toEqual({
      ok: false,
      message: '"huge" is not one of: micro, small, medium, large, enterprise',
    });
  });

  it('reads agency levels as our zh-CN export writes them', () => {
    expect(agencyLevelValue('省级')).toEqual({ ok: true, value: 'provincial' });
    expect(agencyLevelValue('county')).toEqual({ ok: true, value: 'county' });
  });
});
