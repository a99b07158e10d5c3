import { describe, expect, it } from 'vitest';
import {
  BUDGET_STATES,
  NEED_STATES,
  SERVICE_PERSONAS,
} from '../../../../src/modules/crm/customer/customer.contract';
import { FOLLOW_UP_CHANNELS } from '../../../../src/modules/crm/follow-up/follow-up.contract';
import { TIER_DIMENSIONS } from '../../../../src/modules/crm/tier/tier.contract';
import en from '../../i18n/parts/tiers.en.json';
import zh from '../../i18n/parts/tiers.zh-CN.json';
import { INTENT_TIERS, PERSONAS, SATISFACTION_TIERS, TIER_DIMENSIONS as WEB_DIMENSIONS } from './tier-texts';

describe('tier texts', () => {
  it('know the same personas, dimensions and tiers as the server', () => {
    expect(PERSONAS).toEqual(SERVICE_PERSONAS);
    expect(WEB_DIMENSIONS).toEqual(TIER_DIMENSIONS);
    expect([...INTENT_TIERS]).toEqual(['A', 'B', 'C', 'D']);
    expect([...SATISFACTION_TIERS]).toEqual(['A', 'B', 'C']);
  });

  it.each([
    ['en', en.tiers],
    ['zh-CN', zh.tiers],
  ] as const)(
    'give every persona a name and a concrete guideline, and every intent tier a strategy (%s)',
    (_l, texts) => {
      for (const persona of SERVICE_PERSONAS) {
        expect(texts.personas[persona].name.length).toBeGreaterThan(1);
        expect(texts.personas[persona].guideline.length).toBeGreaterThan(20);
      }
      for (const tier of INTENT_TIERS) {
        expect(texts.intent[tier].meaning).not.toBe('');
        expect(texts.intent[tier].strategy).not.toBe('');
      }
      for (const state of BUDGET_STATES) expect(texts.reasons.budget[state]).not.toBe('');
      for (const state of NEED_STATES) expect(texts.reasons.need[state]).not.toBe('');
      for (const channel of FOLLOW_UP_CHANNELS) expect(texts.timeline.channels[channel]).not.toBe('');
    },
  );

  it('use the agreed Chinese terms', () => {
    expect(zh.tiers.dimensions).toMatchObject({
      intent: '意向等级',
      satisfaction: '满意度',
      value: '价值等级',
    });
    expect(zh.tiers.personas.prospect.name).toBe('潜在客户');
    expect(zh.tiers.personas.angry.name).toBe('愤怒客户');
    expect(zh.tiers.timeline.actions).toMatchObject({
      claim: '从公海领取',
      release: '退回公海',
      assign: '分配',
    });
  });
});
