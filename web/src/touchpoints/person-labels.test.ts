import { describe, expect, it } from 'vitest';
import { personName, traitText, traitValue } from './person-labels';

describe('person labels', () => {
  it('name a person by name, then email, then user id', () => {
    expect(personName({ traits: { name: '孙浩', email: 'p@x.cn' }, userId: 'u1' })).toBe('孙浩');
    expect(personName({ traits: { name: '  ', email: 'p@x.cn' }, userId: 'u1' })).toBe('p@x.cn');
    expect(personName({ traits: { name: 42 }, userId: 'u1' })).toBe('42');
    expect(personName({ traits: { name: { first: 'a' } }, userId: 'u1' })).toBe('u1');
    expect(personName({ traits: {}, userId: null })).toBeNull();
  });

  it('read only text and numbers as trait text', () => {
    expect(traitText({ plan: 'pro', seats: 3, vip: true }, 'plan')).toBe('pro');
    expect(traitText({ seats: 3 }, 'seats')).toBe('3');
    expect(traitText({ vip: true }, 'vip')).toBeNull();
    expect(traitText({}, 'missing')).toBeNull();
  });

  it('show other trait values as JSON, and nothing as a dash', () => {
    expect(traitValue('pro')).toBe('pro');
    expect(traitValue({ name: '重庆新锐' })).toBe('{"name":"重庆新锐"}');
    expect(traitValue(false)).toBe('false');
    expect(traitValue(null)).toBe('—');
    expect(traitValue(undefined)).toBe('—');
  });
});
