/**
 * Every interface text in both languages. Common texts live in `en.json` / `zh-CN.json`; each CRM
 * feature keeps its own pair under `parts/`, with one top-level key, so features can grow apart.
 */
import en from './en.json';
import committeeEn from './parts/committee.en.json';
import committeeZh from './parts/committee.zh-CN.json';
import duplicatesEn from './parts/duplicates.en.json';
import duplicatesZh from './parts/duplicates.zh-CN.json';
import importEn from './parts/import.en.json';
import importZh from './parts/import.zh-CN.json';
import poolsEn from './parts/pools.en.json';
import poolsZh from './parts/pools.zh-CN.json';
import tiersEn from './parts/tiers.en.json';
import tiersZh from './parts/tiers.zh-CN.json';
import zhCN from './zh-CN.json';

/** The English texts, the shape every `t('...')` key is checked against. */
export const englishTexts = { ...en, ...committeeEn, ...duplicatesEn, ...importEn, ...poolsEn, ...tiersEn };

/** The Chinese texts; a test checks they have exactly the English keys. */
export const chineseTexts = { ...zhCN, ...committeeZh, ...duplicatesZh, ...importZh, ...poolsZh, ...tiersZh };
