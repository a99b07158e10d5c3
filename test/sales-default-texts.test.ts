/**
 * The web shows the pipelines, stages and lost reasons every tenant starts with in the interface
 * language by matching their stored English text (web/src/sales/default-names.ts): every default text
 * must have its entry, in both languages.
 */
import { describe, expect, it } from 'vitest';
import en from '../web/src/i18n/parts/sales-defaults.en.json' with { type: 'json' };
import zh from '../web/src/i18n/parts/sales-defaults.zh-CN.json' with { type: 'json' };
import { DEFAULT_LOST_REASONS, DEFAULT_PIPELINES } from '../src/modules/crm/pipeline/default-pipelines.js';
import { testEngine } from './helpers/engine.js';

describe.skipIf(testEngine() !== 'pglite')('default sales texts', () => {
  it('have an English and a Chinese text each', () => {
    const texts = new Set<string>(DEFAULT_LOST_REASONS);
    for (const pipeline of DEFAULT_PIPELINES) {
      texts.add(pipeline.name);
      for (const stage of pipeline.stages) texts.add(stage.name).add(stage.guidance);
    }
    const english = new Set(Object.values(en.salesDefaults));
    expect([...texts].filter((text) => !english.has(text))).toEqual([]);
    expect(Object.keys(zh.salesDefaults).sort()).toEqual(Object.keys(en.salesDefaults).sort());
    expect(Object.values(zh.salesDefaults).filter((text) => /^[\x20-\x7e]*$/.test(text))).toEqual([]);
  });
});
