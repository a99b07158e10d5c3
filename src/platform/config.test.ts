import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('reads the tenant removal grace period, 30 days unless set', () => {
    expect(loadConfig({}).tenantRemovalGraceDays).toBe(30);
    expect(loadConfig({ KEHU_TENANT_REMOVAL_GRACE_DAYS: '7' }).tenantRemovalGraceDays).toBe(7);
  });

  it('refuses a grace period that is not a whole number of days from 1 to 365', () => {
    for (const bad of ['0', '-3', '2.5', 'soon', '366'])
      expect(() => loadConfig({ KEHU_TENANT_REMOVAL_GRACE_DAYS: bad })).toThrow(
        /KEHU_TENANT_REMOVAL_GRACE_DAYS must be a whole number/,
      );
  });

  it('logs pretty lines to a terminal and JSON elsewhere unless LOG_FORMAT says', () => {
    expect(loadConfig({}, true).logFormat).toBe('pretty');
    expect(loadConfig({}, false).logFormat).toBe('json');
    expect(loadConfig({ LOG_FORMAT: 'json' }, true).logFormat).toBe('json');
    expect(loadConfig({ LOG_FORMAT: 'pretty' }, false).logFormat).toBe('pretty');
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT must be pretty or json/);
  });
});
