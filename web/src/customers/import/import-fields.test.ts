import { describe, expect, it } from 'vitest';
import { currentTarget, fileSize, mapParam, targetOptions } from './import-fields';

const columns = [
  { header: 'Kunde', target: null },
  { header: 'Phone, mobile', target: 'phone' },
  { header: 'First Name', target: 'firstName' },
];

describe('the import column map', () => {
  it('sends only the columns the user changed, as JSON', () => {
    expect(mapParam(columns, {})).toBeUndefined();
    expect(mapParam(columns, { 'Phone, mobile': 'phone', Kunde: 'ignore' })).toBeUndefined();
    expect(mapParam(columns, { Kunde: 'name', 'Phone, mobile': 'ignore' })).toBe(
      JSON.stringify({ Kunde: 'name', 'Phone, mobile': 'ignore' }),
    );
  });

  it('shows what the server detected until the user changes it', () => {
    expect(currentTarget(columns[0]!, {})).toBe('ignore');
    expect(currentTarget(columns[1]!, {})).toBe('phone');
    expect(currentTarget(columns[1]!, { 'Phone, mobile': 'email' })).toBe('email');
  });

  it('offers every field and custom field, and a detected name part only where it was detected', () => {
    const custom = [{ key: 'level', label: '客户级别', type: 'text' as const }];
    const plain = targetOptions(custom, 'phone').map((o) => o.value);
    expect(plain[0]).toBe('ignore');
    expect(plain).toContain('name');
    expect(plain).toContain('custom.level');
    expect(plain).not.toContain('firstName');
    expect(targetOptions(custom, 'firstName')[0]).toEqual({ value: 'firstName', field: 'firstName' });
  });

  it('writes file sizes for people', () => {
    expect(fileSize(200)).toBe('1 KB');
    expect(fileSize(812 * 1024)).toBe('812 KB');
    expect(fileSize(3.44 * 1024 * 1024)).toBe('3.4 MB');
  });
});
